using System.Text;
using QaBot.Analytics.Privacy;

namespace QaBot.Analytics.Tests;

public sealed class UserHasherTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a-deployment-secret-of-at-least-32-chars");

    [Fact]
    public void Hash_SameUserAndPlatform_IsStableAndIsTheHmacOfPlatformAndId()
    {
        var hash = UserHasher.Hash(Key, "Discord", "80351110224678912");

        Assert.Equal(hash, UserHasher.Hash(Key, "discord", "80351110224678912"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Key, "discord:80351110224678912"u8.ToArray())), hash);
        Assert.DoesNotContain("80351110224678912", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_OtherPlatformOrOtherKey_Differs()
    {
        var hash = UserHasher.Hash(Key, "discord", "42");

        Assert.NotEqual(hash, UserHasher.Hash(Key, "teams", "42"));
        Assert.NotEqual(hash, UserHasher.Hash(Encoding.UTF8.GetBytes("another-deployment-secret-32-chars-long"), "discord", "42"));
    }

    [Fact]
    public void Hash_NoUser_IsNull() => Assert.Null(UserHasher.Hash(Key, "api", null));
}
