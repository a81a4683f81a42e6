namespace QaBot.Host;

/// <summary>
/// Finds the folder holding appsettings.json and knowledge/: the current folder or the nearest one above it that has
/// them (a checkout of the repository), else the app's own folder (a published app or container).
/// </summary>
internal static class HostPaths
{
    public static string ContentRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(directory.FullName, "knowledge")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
