using System.Buffers.Binary;
using Newtonsoft.Json.Linq;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>The Teams app manifest in <c>teams/</c> stays uploadable once its placeholders are filled in.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "teams");

    private static JObject Manifest() => JObject.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));

    [Fact]
    public void Manifest_DeclaresTheBotInEveryScopeWithTheAppIdPlaceholder()
    {
        var manifest = Manifest();

        Assert.True(Version.Parse((string)manifest["manifestVersion"]!) >= new Version(1, 16));
        Assert.Equal("{{MICROSOFT_APP_ID}}", (string?)manifest["id"]);
        var bot = (JObject)manifest["bots"]![0]!;
        Assert.Equal("{{MICROSOFT_APP_ID}}", (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.Select(s => (string)s!));
        Assert.True(((string)manifest["description"]!["short"]!).Length <= 80);
        Assert.True(((string)manifest["name"]!["short"]!).Length <= 30);
    }

    [Theory]
    [InlineData("color", 192)]
    [InlineData("outline", 32)]
    public void Manifest_IconsExistWithTheSizesTeamsRequires(string icon, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, (string)Manifest()["icons"]![icon]!));

        Assert.Equal("\x89PNG", System.Text.Encoding.Latin1.GetString(bytes, 0, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
