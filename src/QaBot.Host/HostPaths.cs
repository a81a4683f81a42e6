namespace QaBot.Host;

/// <summary>Finds the folder holding appsettings.json and knowledge/: the current folder when it has them, else the app's own.</summary>
internal static class HostPaths
{
    public static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(current, "appsettings.json")) || Directory.Exists(Path.Combine(current, "knowledge")))
        {
            return current;
        }

        return AppContext.BaseDirectory;
    }
}
