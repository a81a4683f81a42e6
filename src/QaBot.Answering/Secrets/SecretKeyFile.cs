using System.Security.Cryptography;
using System.Text;

namespace QaBot.Answering.Secrets;

/// <summary>
/// A generated secret kept in a file readable and writable by its owner only (the analytics' hash key, the shared
/// state's key): read it when it exists, otherwise create it once, safely when several processes start together.
/// </summary>
public static class SecretKeyFile
{
    /// <summary>The secret in <paramref name="path"/>, or null when there is no such file.</summary>
    /// <exception cref="InvalidDataException"><paramref name="damaged"/>, when the file holds fewer than <paramref name="minChars"/> characters.</exception>
    public static byte[]? Read(string path, int minChars, string damaged)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Trim();
        if (text.Length < minChars)
        {
            throw new InvalidDataException(damaged);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>
    /// Writes a new random secret (32 bytes, base64) to <paramref name="path"/>, owner-only, through a temporary file so
    /// that no process reads half a key. When another process created the file first, its secret is returned and
    /// <paramref name="created"/> is false.
    /// </summary>
    public static byte[] Create(string path, int minChars, string damaged, out bool created)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var temporary = path + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + ".tmp";
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, streamOptions))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.WriteLine(text);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another process (the host or a command) created it first: use theirs
            created = false;
            return Read(path, minChars, damaged)!;
        }

        created = true;
        return Encoding.UTF8.GetBytes(text);
    }
}
