namespace QaBot.Answering.Safety;

/// <summary>
/// Splits a long message into its sentences (at . ! ? ; and line breaks), so that a risk buried in the middle of a
/// rambling message is judged on its own as well as with the rest. Only messages of two or more sentences are split;
/// sentences of fewer than three words are joined to the next one.
/// </summary>
internal static class SafetySentences
{
    private static readonly char[] Ends = ['.', '!', '?', ';', '\n', '\r'];

    public static List<string> Split(string message)
    {
        var sentences = new List<string>();
        var pending = "";
        var start = 0;
        while (start < message.Length)
        {
            var end = message.IndexOfAny(Ends, start);
            var piece = (end < 0 ? message[start..] : message[start..end]).Trim();
            start = end < 0 ? message.Length : end + 1;
            if (piece.Length == 0)
            {
                continue;
            }

            pending = pending.Length == 0 ? piece : pending + " " + piece;
            if (Words(pending) >= 3)
            {
                sentences.Add(pending);
                pending = "";
            }
        }

        if (pending.Length > 0)
        {
            if (sentences.Count > 0)
            {
                sentences[^1] += " " + pending;
            }
            else
            {
                sentences.Add(pending);
            }
        }

        return sentences.Count >= 2 ? sentences : [];
    }

    private static int Words(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }
}
