using QaBot.Answering.Secrets;

namespace QaBot.Answering.Tests.Secrets;

public sealed class SecretKeyFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "qabot-secret-" + Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(folder, "sub", "state.key");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Read_NoFile_ReturnsNull()
    {
        Assert.Null(SecretKeyFile.Read(File, 32, "damaged"));
    }

    [Fact]
    public void Create_ThenRead_GivesTheSameOwnerOnlySecret()
    {
        var created = SecretKeyFile.Create(File, 32, "damaged", out var isNew);

        Assert.True(isNew);
        Assert.Equal(created, SecretKeyFile.Read(File, 32, "damaged"));
        Assert.Equal(44, created.Length); // 32 random bytes in base64
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(File));
        }

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(File)!)); // no temporary file left behind
    }

    [Fact]
    public void Create_FileAppearedMeanwhile_ReturnsTheExistingSecret()
    {
        var first = SecretKeyFile.Create(File, 32, "damaged", out _);

        var second = SecretKeyFile.Create(File, 32, "damaged", out var isNew);

        Assert.False(isNew);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Read_TooShort_ThrowsTheGivenMessage()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllText(File, "short\n");

        var error = Assert.Throws<InvalidDataException>(() => SecretKeyFile.Read(File, 32, "the key file is damaged"));

        Assert.Equal("the key file is damaged", error.Message);
    }
}
