using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using QaBot.Answering;
using QaBot.Answering.Feedback;

namespace QaBot.Discord.Tests;

/// <summary>Discord's settings are checked at start-up, only when enabled, with every problem in one message.</summary>
public sealed class DiscordOptionsValidatorTests
{
    private readonly DiscordOptionsValidator validator = new(Options.Create(new HostOptions { ShutdownTimeout = TimeSpan.FromSeconds(25) }));

    [Fact]
    public void Validate_Disabled_SkipsEverything()
    {
        var result = validator.Validate(null, new DiscordOptions { Enabled = false, ApiBaseUrl = "nonsense" });

        Assert.True(result.Skipped);
    }

    [Fact]
    public void Validate_DrainLongerThanTheShutdownTimeout_FailsNamingBoth()
    {
        var result = validator.Validate(null, new DiscordOptions { Enabled = true, Token = "t", DrainSeconds = 60 });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("QaBot:Discord:DrainSeconds (60) must be shorter than QaBot:Shutdown:Timeout (00:00:25)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnabledWithoutToken_FailsWithOneClearMessage()
    {
        var result = validator.Validate(null, new DiscordOptions { Enabled = true });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("QaBot:Discord:Token is not set", failure, StringComparison.Ordinal);
        Assert.Contains("QaBot__Discord__Token", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsThemAll()
    {
        var options = new DiscordOptions
        {
            Enabled = true,
            Token = "Bot abc",
            ApiBaseUrl = "discord.com",
            GatewayUrl = "https://gateway.discord.gg",
            ShardId = 2,
            ShardCount = 2,
            InteractionsEndpoint = true,
            PublicKey = "xyz",
            ApplicationId = "app",
        };
        options.AllowedChannelIds.Add("general");

        var failures = validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(7, failures.Count);
        Assert.Contains(failures, f => f.Contains("without the \"Bot \" prefix", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ShardId (2) must be less than", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("PublicKey", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("AllowedChannelIds", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ModeratorIdsNotNumeric_ReportsBoth()
    {
        var options = new DiscordOptions { Enabled = true, Token = "token", ModeratorChannelId = "#moderators" };
        options.ModeratorRoleIds.Add("Moderators");

        var failures = validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("ModeratorChannelId must be a numeric Discord channel id", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ModeratorRoleIds must hold numeric Discord ids", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddDiscord_EnabledWithoutToken_StopsTheHostAtStartWithTheMessage()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["QaBot:Discord:Enabled"] = "true" });
        builder.Services.AddSingleton(Mock.Of<IAnswerService>());
        builder.Services.AddSingleton(Mock.Of<QaBot.Knowledge.IKnowledgeBase>()); // the question turn's encoder
        builder.Services.AddSingleton(Mock.Of<IFeedbackSink>());
        builder.Services.AddSingleton(Mock.Of<QaBot.Moderation.IModeratorCommands>());
        builder.AddDiscord();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("QaBot:Discord:Token is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscord_Disabled_RegistersNothing()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var before = builder.Services.Count;

        builder.AddDiscord();

        Assert.Equal(before, builder.Services.Count);
    }
}
