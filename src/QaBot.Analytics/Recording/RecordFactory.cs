using QaBot.Analytics.Privacy;
using QaBot.Analytics.Reports;
using QaBot.Analytics.Storage;
using QaBot.Answering;

namespace QaBot.Analytics.Recording;

/// <summary>
/// Turns queued events into what may be stored: the user id replaced by its keyed hash, question text kept only for
/// no-answer questions and "Not helpful" clicks and redacted first, everything bounded.
/// </summary>
internal sealed class RecordFactory(HashKeyProvider keys)
{
    public const int MaxPassageIds = 10;
    public const int MaxPassageIdChars = 300;
    public const int MaxPlatformChars = 32;

    /// <summary>The records; throws when the hash key cannot be read or created (then nothing is stored).</summary>
    public AnalyticsBatch ToBatch(IReadOnlyList<AnalyticsEvent> events)
    {
        var key = keys.GetOrCreate();
        var questions = new List<QuestionRecord>();
        var feedback = new List<FeedbackRecord>();
        foreach (var item in events)
        {
            var platform = Platform(item.Platform);
            var user = UserHasher.Hash(key, platform, item.UserId);
            switch (item)
            {
                case QuestionEvent question:
                    var questionText = question.Outcome == AnswerKind.NoAnswer ? Redacted(question.Text) : null;
                    questions.Add(new QuestionRecord
                    {
                        At = question.At,
                        Platform = platform,
                        UserHash = user,
                        Outcome = question.Outcome,
                        Category = question.Outcome == AnswerKind.Safety ? question.Category : null,
                        PassageIds = Bound(question.PassageIds),
                        Text = questionText,
                        GroupKey = questionText is null ? null : QuestionNormalizer.Key(questionText),
                    });
                    break;
                case FeedbackEvent click:
                    var feedbackText = click.Helpful ? null : Redacted(click.Text);
                    feedback.Add(new FeedbackRecord
                    {
                        At = click.At,
                        Platform = platform,
                        UserHash = user,
                        Helpful = click.Helpful,
                        AnswerKind = click.AnswerKind,
                        PassageIds = Bound(click.PassageIds),
                        Text = feedbackText,
                        GroupKey = feedbackText is null ? null : QuestionNormalizer.Key(feedbackText),
                    });
                    break;
            }
        }

        return new AnalyticsBatch(questions, feedback);
    }

    private static string? Redacted(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var redacted = TextRedactor.Redact(text);
        return redacted.Length == 0 ? null : redacted;
    }

    private static string Platform(string platform)
    {
        var normalized = UserHasher.NormalizePlatform(platform);
        return normalized.Length == 0 ? "unknown" : normalized.Length <= MaxPlatformChars ? normalized : normalized[..MaxPlatformChars];
    }

    private static List<string> Bound(IReadOnlyList<string> passageIds) =>
        passageIds.Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id.Length <= MaxPassageIdChars ? id : id[..MaxPassageIdChars])
            .Distinct(StringComparer.Ordinal)
            .Take(MaxPassageIds)
            .ToList();
}
