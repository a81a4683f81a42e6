using Microsoft.Extensions.Time.Testing;
using QaBot.Discord.Bot;

namespace QaBot.Discord.Tests;

/// <summary>Interaction ids handled recently: a repeat is recognised, and memory stays bounded.</summary>
public sealed class SeenInteractionsTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void FirstTime_SameIdTwice_IsARepeatTheSecondTime()
    {
        var seen = new SeenInteractions(time);

        Assert.True(seen.FirstTime("1"));
        Assert.True(seen.FirstTime("2"));
        Assert.False(seen.FirstTime("1"));
    }

    [Fact]
    public void FirstTime_AfterTheTokenLifetime_IdIsForgotten()
    {
        var seen = new SeenInteractions(time);
        seen.FirstTime("1");

        time.Advance(SeenInteractions.Memory);
        var within = seen.FirstTime("1");
        time.Advance(TimeSpan.FromSeconds(1));
        seen.FirstTime("2");

        Assert.False(within);
        Assert.Equal(1, seen.Count); // "1" was forgotten when "2" came
    }

    [Fact]
    public void FirstTime_MoreIdsThanTheCapacity_ForgetsTheOldestAndStaysBounded()
    {
        var seen = new SeenInteractions(time) { Capacity = 3 };

        for (var i = 0; i < 100; i++)
        {
            Assert.True(seen.FirstTime(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(3, seen.Count);
        Assert.False(seen.FirstTime("99"));
        Assert.True(seen.FirstTime("0"));
    }
}
