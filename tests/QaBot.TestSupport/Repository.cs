namespace QaBot.TestSupport;

/// <summary>The repository's root folder (the one holding QaBot.sln), found from the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>The bundled knowledge folder.</summary>
    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QaBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("QaBot.sln not found above the test folder");
    }
}
