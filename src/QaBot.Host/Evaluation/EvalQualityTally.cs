using QaBot.Answering;

namespace QaBot.Host.Evaluation;

/// <summary>
/// Counts the answer-quality figures (<see cref="EvalQuality"/>) over the items of one run, and says which checks an
/// item failed. Only what an item asks for (<c>caveat</c>, <c>parts</c>) and the reminder make the item fail (so that
/// <c>qabot kb test</c> keeps its meaning); a reply that reads badly or does not cite the expected section in its top 3
/// is counted and listed in <see cref="EvalQuality.Unreadable"/> and <see cref="EvalQuality.NotCitedTop3"/>.
/// </summary>
public sealed class EvalQualityTally(IReadabilityCheck readability)
{
    private const string Answered = "answered";
    private const string SmallTalk = "small_talk";

    private readonly Dictionary<string, (int Right, int Total)> kinds = new(StringComparer.OrdinalIgnoreCase);
    private int answerable, citedTop3;
    private int answeredReplies, readableReplies, fragmentReplies, repeatedReplies, cutReplies;
    private int caveatItems, caveatKept;
    private int multiPart, partsCited;
    private int smallTalkItems, smallTalkRight;
    private int replies, withReminder;
    private readonly List<string> unreadable = [];
    private readonly List<string> notCited = [];
    private readonly List<string> details = [];

    /// <summary>Adds one item's reply; returns the checks it failed as (expected, actual) pairs.</summary>
    /// <param name="kind">The reply's kind as JSON names it (answered, no_answer, safety, small_talk, ...).</param>
    public IReadOnlyList<(string Expected, string Actual)> Add(EvalItem item, Answer answer, string kind)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answer);
        var problems = new List<(string, string)>();
        var expectedKind = item.Kind is { Length: > 0 } k ? k : null;
        var kindRight = expectedKind is not null && EvalKinds.Matches(kind, expectedKind);
        if (expectedKind is not null)
        {
            var (right, total) = kinds.GetValueOrDefault(expectedKind);
            kinds[expectedKind] = (right + (kindRight ? 1 : 0), total + 1);
        }

        replies++;
        if (!string.IsNullOrWhiteSpace(answer.Reminder))
        {
            withReminder++;
        }
        else
        {
            problems.Add(("the healthcare-provider reminder", "no reminder"));
        }

        var cited = answer.Citations.Select(c => c.Id).ToList();
        if (item.Relevant is { Count: > 0 } relevant && (expectedKind is null || expectedKind.Equals(Answered, StringComparison.OrdinalIgnoreCase)))
        {
            answerable++;
            if (relevant.Any(r => cited.Take(3).Any(c => SameSection(c, r))))
            {
                citedTop3++;
            }
            else
            {
                notCited.Add(item.Id);
                details.Add($"{item.Id}: expected one of [{string.Join(", ", relevant)}] among the top 3 citations, cited [{string.Join(", ", cited)}]");
            }

            if (item.Parts is >= 2)
            {
                multiPart++;
                var missing = relevant.Where(r => !cited.Any(c => SameSection(c, r))).ToList();
                if (missing.Count == 0)
                {
                    partsCited++;
                }
                else
                {
                    problems.Add(($"each of {item.Parts} parts cited", $"not cited [{string.Join(", ", missing)}]"));
                }
            }
        }

        if (answer.Kind == AnswerKind.Answered)
        {
            answeredReplies++;
            var found = readability.Check(answer.Text);
            if (found.Count == 0)
            {
                readableReplies++;
            }
            else
            {
                fragmentReplies += found.Any(p => p.Kind == ReadabilityProblem.Fragment) ? 1 : 0;
                repeatedReplies += found.Any(p => p.Kind == ReadabilityProblem.Repeated) ? 1 : 0;
                cutReplies += found.Any(p => p.Kind == ReadabilityProblem.Cut) ? 1 : 0;
                unreadable.Add(item.Id);
                details.Add($"{item.Id}: {string.Join("; ", found.Select(p => $"{p.Kind}: \"{Shorten(p.Sentence)}\""))}");
            }

            if (item.Caveat == true)
            {
                caveatItems++;
                if (CaveatCues.HasCaveat(answer.Text))
                {
                    caveatKept++;
                }
                else
                {
                    problems.Add(("the passage's caveat in the answer", "no caveat sentence"));
                }
            }
        }

        if (string.Equals(expectedKind, SmallTalk, StringComparison.OrdinalIgnoreCase))
        {
            smallTalkItems++;
            smallTalkRight += kindRight ? 1 : 0;
        }

        return problems;
    }

    public EvalQuality Report()
    {
        static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(part / (double)whole, 4);
        return new EvalQuality
        {
            KindAccuracyByKind = kinds.OrderBy(k => k.Key, StringComparer.Ordinal)
                .ToDictionary(k => k.Key.ToLowerInvariant(), k => Math.Round(k.Value.Right / (double)k.Value.Total, 4)),
            CitedTop3 = Share(citedTop3, answerable),
            Readable = Share(readableReplies, answeredReplies),
            FragmentReplies = fragmentReplies,
            RepeatedReplies = repeatedReplies,
            CutReplies = cutReplies,
            CaveatKept = Share(caveatKept, caveatItems),
            PartsCited = Share(partsCited, multiPart),
            SmallTalkAccuracy = Share(smallTalkRight, smallTalkItems),
            Reminder = Share(withReminder, replies),
            Unreadable = [.. unreadable],
            NotCitedTop3 = [.. notCited],
            Details = [.. details],
        };
    }

    /// <summary>
    /// True when a cited passage id is the expected section: the same id, or a later part of that section
    /// (<c>id-2</c>, <c>id-3</c> for a long section split in parts).
    /// </summary>
    public static bool SameSection(string citedId, string expectedId)
    {
        if (string.Equals(citedId, expectedId, StringComparison.Ordinal))
        {
            return true;
        }

        return citedId.Length > expectedId.Length + 1
            && citedId.StartsWith(expectedId, StringComparison.Ordinal)
            && citedId[expectedId.Length] == '-'
            && citedId.AsSpan(expectedId.Length + 1).ContainsAnyExceptInRange('0', '9') == false;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
