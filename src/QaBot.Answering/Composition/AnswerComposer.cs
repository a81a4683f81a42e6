using System.Text;

namespace QaBot.Answering.Composition;

/// <summary>
/// Builds the text of one answer from whole units of the cited passages: the best passage's opening in its own order
/// (or, for a long imported passage, a contiguous window around its best sentence), then from other passages only
/// what is not said yet. Never cuts a sentence, never keeps a list header without its list, never opens a piece with a
/// sentence that points back at one left out, and never says the same thing twice.
/// </summary>
internal sealed class AnswerComposer
{
    private const int MarkerChars = 4; // " [n]"

    private readonly List<(int N, List<AnswerUnit> Units)> pieces = [];
    private readonly List<string> sentences = [];
    private readonly HashSet<string> knownWords = new(StringComparer.Ordinal);
    private readonly List<string> notes = [];
    private int length;

    public bool IsEmpty => pieces.Count == 0;

    /// <summary>
    /// Adds the opening of citation <paramref name="n"/>'s passage, keeping the text within <paramref name="limit"/>
    /// characters (only a first sentence longer than the limit is kept whole over it). With <paramref name="keepCaveat"/>,
    /// the passage's caveat is kept even if later opening sentences must give way.
    /// </summary>
    public bool AddOpening(int n, IReadOnlyList<AnswerUnit> units, int limit, bool keepCaveat, bool window)
    {
        var start = Start(units, window);
        if (start < 0)
        {
            return false;
        }

        var picked = new List<AnswerUnit>();
        var added = 0;
        var chainBroken = false;
        for (var i = start; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.IsFragment || Repeats(unit.Text) || picked.Any(p => ContentWords.SaySameThing(p.Text, unit.Text)) || ((chainBroken || picked.Count == 0) && unit.PointsBack && i != start))
            {
                chainBroken = true;
                continue;
            }

            var cost = Cost(unit.Text);
            if (length + added + cost + MarkerChars > limit)
            {
                if (picked.Count == 0 && !unit.IsList && cost <= limit * 2)
                {
                    picked.Add(unit); // a first sentence is kept whole rather than cut
                    added += cost;
                    break;
                }

                if (unit.IsList)
                {
                    chainBroken = true;
                    continue; // a list is kept whole or left out
                }

                break;
            }

            picked.Add(unit);
            added += cost;
            chainBroken = false;
        }

        if (keepCaveat && !picked.Any(u => u.IsCaveat))
        {
            added = KeepCaveat(units, start, picked, added, limit);
        }

        if (picked.Count == 0)
        {
            return false;
        }

        picked.Sort((a, b) => a.Index.CompareTo(b.Index));
        Add(n, picked);
        return true;
    }

    /// <summary>Adds from citation <paramref name="n"/> the one best-matching sentence the answer does not say yet, if it fits.</summary>
    public bool AddAddition(int n, IReadOnlyList<AnswerUnit> units, int limit)
    {
        foreach (var unit in units.Where(u => !u.IsFragment && !u.IsList && !u.PointsBack && u.Score > 0)
                     .OrderByDescending(u => u.Score).ThenBy(u => u.Index))
        {
            var text = unit.WithoutLead;
            if (text.Length == 0 || !char.IsUpper(text[0]) || SentenceCues.PointsBack(text) || Repeats(text)
                || ContentWords.CoveredShare(ContentWords.Of(text), knownWords) >= 0.5)
            {
                continue;
            }

            if (length + Cost(text) + MarkerChars > limit)
            {
                continue;
            }

            Add(n, [unit with { Text = text }]);
            return true;
        }

        return false;
    }

    /// <summary>A sentence of the reply's own (no marker), such as what a multi-part question's other part lacks.</summary>
    public void AddNote(string text)
    {
        if (!notes.Contains(text, StringComparer.Ordinal))
        {
            notes.Add(text);
        }
    }

    /// <summary>True when the answer already says what <paramref name="sentence"/> says.</summary>
    public bool Repeats(string sentence) => sentences.Any(s => ContentWords.SaySameThing(s, sentence));

    /// <summary>The passage sentence orders citation <paramref name="n"/> contributed to the text.</summary>
    public IReadOnlySet<int> UsedOrders(int n)
    {
        var used = new HashSet<int>();
        foreach (var (pieceN, units) in pieces.Where(p => p.N == n))
        {
            foreach (var unit in units)
            {
                for (var order = unit.First; order <= unit.Last; order++)
                {
                    used.Add(order);
                }
            }
        }

        return used;
    }

    public bool Cites(int n) => pieces.Any(p => p.N == n);

    public string Text()
    {
        var builder = new StringBuilder();
        AnswerUnit? previous = null;
        foreach (var (n, units) in pieces)
        {
            foreach (var unit in units)
            {
                if (builder.Length > 0)
                {
                    builder.Append(unit.IsList || previous?.IsList == true ? '\n' : ' ');
                }

                builder.Append(unit.Text);
                previous = unit;
            }

            builder.Append(" [").Append(n).Append(']');
        }

        foreach (var note in notes)
        {
            builder.Append(builder.Length > 0 ? (previous?.IsList == true ? "\n" : " ") : "").Append(note);
            previous = null;
        }

        return builder.ToString();
    }

    private static int Start(IReadOnlyList<AnswerUnit> units, bool window)
    {
        var usable = units.Where(u => !u.IsFragment).ToList();
        if (usable.Count == 0)
        {
            return -1;
        }

        if (!window)
        {
            return usable[0].Index;
        }

        var start = usable.OrderByDescending(u => u.Score).ThenBy(u => u.Index).First().Index;
        while (start > 0 && units[start].PointsBack && !units[start - 1].IsFragment)
        {
            start--;
        }

        return start;
    }

    private int KeepCaveat(IReadOnlyList<AnswerUnit> units, int start, List<AnswerUnit> picked, int added, int limit)
    {
        var caveat = units.Where(u => u.IsCaveat && !u.IsFragment && !Repeats(u.Text))
            .OrderBy(u => u.Index < start ? 1 : 0).ThenBy(u => u.Index).FirstOrDefault();
        if (caveat is null)
        {
            return added;
        }

        var required = new List<AnswerUnit> { caveat };
        for (var i = caveat.Index; i > 0 && units[i].PointsBack && !units[i - 1].IsFragment; i--)
        {
            required.Insert(0, units[i - 1]);
        }

        var need = required.Where(u => !picked.Contains(u)).Sum(u => Cost(u.Text));
        while (picked.Count > 1 && length + added + need + MarkerChars > limit)
        {
            var last = picked[^1];
            if (required.Contains(last))
            {
                break;
            }

            picked.RemoveAt(picked.Count - 1);
            added -= Cost(last.Text);
        }

        foreach (var unit in required.Where(u => !picked.Contains(u)))
        {
            picked.Add(unit);
            added += Cost(unit.Text);
        }

        return added;
    }

    private void Add(int n, List<AnswerUnit> units)
    {
        pieces.Add((n, units));
        foreach (var unit in units)
        {
            length += Cost(unit.Text);
            foreach (var sentence in QaBot.Knowledge.Sentences.Split(unit.Text))
            {
                sentences.Add(sentence);
            }

            knownWords.UnionWith(ContentWords.Of(unit.Text));
        }

        length += MarkerChars;
    }

    private int Cost(string text) => text.Length + (length > 0 ? 1 : 0);
}
