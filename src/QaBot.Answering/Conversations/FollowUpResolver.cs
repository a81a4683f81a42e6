using System.Text.RegularExpressions;
using QaBot.Answering.Composition;

namespace QaBot.Answering.Conversations;

/// <summary>
/// Resolves a message against the conversation's recent turns before retrieval: a message that leans on the previous topic
/// (a pronoun, "what about lupus?", "and the risks?", "is it covered?", "how would I find one?") is rewritten with that
/// topic; a message naming its own topic, small talk and off-topic messages are left alone (they carry nothing over);
/// with no earlier topic, a message that only points at one ("is it painful?") is ambiguous.
/// </summary>
internal static class FollowUpResolver
{
    /// <summary>Longest message (in words) treated as ambiguous when there is no context.</summary>
    private const int MaxAmbiguousWords = 10;

    /// <summary>Longest leftover (in words, besides the topic's name) of "what about lupus?" that still swaps the topic.</summary>
    private const int MaxSwapExtraWords = 3;

    /// <summary>
    /// The same follow-up resolved with the topic's subject alone, when the topic has a condition the message did not name
    /// ("is it safe?" after MS: "is stem cell therapy safe?"); null otherwise.
    /// </summary>
    public static FollowUp? Broader(FollowUp followUp)
    {
        if (followUp is not { Kind: FollowUpKind.Resolved, Topic.Condition: not null, Message: { } message } || TopicTerms.FindCondition(message) is not null)
        {
            return null;
        }

        var subjectOnly = new ConversationTopic(followUp.Topic.Subject ?? TopicSubject.StemCellTherapy, null);
        var resolved = Resolve(message, [new ConversationTurn(subjectOnly.Phrase, subjectOnly.Phrase, [], AnswerKind.Answered, null, DateTimeOffset.MinValue)]);
        if (resolved.Kind == FollowUpKind.Resolved)
        {
            return resolved with { Message = null };
        }

        // "how would I find a trial for it?": the message names the subject itself; "it" stands for the subject alone.
        var stands = TopicTerms.FindSubject(message) is null ? subjectOnly.Phrase : TopicTerms.SubjectPhrase(TopicSubject.StemCellTherapy);
        return TopicTerms.Pronoun().IsMatch(message)
            ? new FollowUp(FollowUpKind.Resolved, ReplacePronouns(message, stands), subjectOnly)
            : null;
    }

    public static FollowUp Resolve(string text, IReadOnlyList<ConversationTurn> turns)
    {
        var followUp = ResolveCore(text, turns);
        return followUp.Kind == FollowUpKind.Resolved ? followUp with { Message = text } : followUp;
    }

    private static FollowUp ResolveCore(string text, IReadOnlyList<ConversationTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(text);
        var alone = new FollowUp(FollowUpKind.Alone, text, null);
        if (SmallTalk.Classify(text) is not null || LimitRules.All.Any(r => r.Kind == LimitRuleKind.OffTopic && r.Matches(text)))
        {
            return alone;
        }

        var own = TopicTerms.Find(text);
        var pronoun = TopicTerms.Pronoun().IsMatch(text);
        var (previous, previousQuestion) = PreviousTopic(turns);
        if (previous is null)
        {
            return own.IsEmpty && pronoun && TopicTerms.Aspect().IsMatch(text) && Words(text) <= MaxAmbiguousWords
                ? new FollowUp(FollowUpKind.Ambiguous, text, null)
                : alone;
        }

        var ellipsis = TopicTerms.Ellipsis().Match(text);
        var rest = ellipsis.Success ? ellipsis.Groups["rest"].Value.Trim() : "";
        if (!own.IsEmpty)
        {
            if (ellipsis.Success && rest.Length > 0 && Words(WithoutTopic(rest)) <= MaxSwapExtraWords)
            {
                // "what about lupus?": the previous question, about the new condition or subject.
                var swapped = previous.With(own);
                return new FollowUp(FollowUpKind.Resolved, Swap(previousQuestion!, previous, own, swapped), swapped);
            }

            if (pronoun && (own.Subject is null || own.Condition is null) && (previous.With(own) != own))
            {
                // "is it safe for lupus?" (it = the previous subject); "how would I find a trial for it?" (it = the previous topic).
                var merged = previous.With(own);
                var stands = own.Subject is null ? TopicTerms.SubjectPhrase(previous.Subject ?? TopicSubject.StemCellTherapy) : previous.Phrase;
                return new FollowUp(FollowUpKind.Resolved, ReplacePronouns(text, stands), merged);
            }

            return alone;
        }

        if (ellipsis.Success && rest.Length > 0 && !StartsQuestion().IsMatch(rest))
        {
            // "and the risks?": the aspect, of the previous topic.
            return new FollowUp(FollowUpKind.Resolved, rest.TrimEnd('?', '.', '!', ' ') + " of " + previous.Phrase + "?", previous);
        }

        var body = ellipsis.Success && rest.Length > 0 ? rest : text;
        if (pronoun && (TopicTerms.Aspect().IsMatch(body) || Words(body) <= 6))
        {
            return new FollowUp(FollowUpKind.Resolved, ReplacePronouns(body, previous.Phrase), previous);
        }

        if (TopicTerms.StrongAspect().IsMatch(body))
        {
            return new FollowUp(FollowUpKind.Resolved, body.TrimEnd('?', '.', '!', ' ') + " about " + previous.Phrase + "?", previous);
        }

        return alone;
    }

    /// <summary>The newest topic of the remembered turns (safety replies excluded), with the question it was asked in.</summary>
    internal static (ConversationTopic? Topic, string? Question) PreviousTopic(IReadOnlyList<ConversationTurn> turns)
    {
        for (var i = turns.Count - 1; i >= 0; i--)
        {
            var turn = turns[i];
            if (turn.Kind is AnswerKind.Safety or AnswerKind.SmallTalk or AnswerKind.Clarify)
            {
                continue;
            }

            var question = turn.ResolvedQuestion.Length > 0 ? turn.ResolvedQuestion : turn.Question;
            var topic = TopicTerms.Find(question);
            if (topic.IsEmpty && turn.Kind == AnswerKind.Answered && turn.CitedIds.Count > 0)
            {
                topic = TopicTerms.FromPassageId(turn.CitedIds[0]);
            }

            if (!topic.IsEmpty)
            {
                return (topic, question);
            }
        }

        return (null, null);
    }

    private static string Swap(string previousQuestion, ConversationTopic previous, ConversationTopic own, ConversationTopic swapped)
    {
        var result = previousQuestion;
        var changed = false;
        if (own.Condition is { } condition)
        {
            if (previous.Condition is { } old && TopicTerms.ReplaceCondition(result, old, TopicTerms.ConditionPhrase(condition)) is { } replaced)
            {
                result = replaced;
                changed = true;
            }
        }

        if (own.Subject is { } subject)
        {
            var old = TopicTerms.FindSubject(result);
            if (old is { } o && TopicTerms.ReplaceSubject(result, o, TopicTerms.SubjectPhrase(subject)) is { } replaced)
            {
                result = replaced;
                changed = true;
            }
        }

        return changed && TopicTerms.Find(result) == swapped
            ? result
            : previousQuestion.TrimEnd('?', '.', '!', ' ') + " (" + swapped.Phrase + ")?";
    }

    /// <summary>"is it safe?" with "it" standing for <paramref name="phrase"/>.</summary>
    internal static string ReplacePronouns(string text, string phrase)
    {
        var strong = StrongPronoun();
        if (strong.IsMatch(text))
        {
            return strong.Replace(text, m => m.Value.ToLowerInvariant() switch
            {
                "it's" => phrase + " is",
                "its" or "their" => phrase + "'s",
                _ => phrase,
            });
        }

        var first = TopicTerms.Pronoun().Match(text);
        return first.Success ? text[..first.Index] + phrase + text[(first.Index + first.Length)..] : text + " (" + phrase + ")";
    }

    private static string WithoutTopic(string text)
    {
        var result = text;
        if (TopicTerms.FindCondition(result) is { } c)
        {
            result = TopicTerms.ReplaceCondition(result, c, " ") ?? result;
        }

        if (TopicTerms.FindSubject(result) is { } s)
        {
            result = TopicTerms.ReplaceSubject(result, s, " ") ?? result;
        }

        return Regex.Replace(result, @"\b(?:for|the|a|an|with|in|of|about|people|patients)\b", " ", RegexOptions.IgnoreCase);
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    private static Regex StrongPronoun() => StrongPronounRegex;

    private static Regex StartsQuestion() => StartsQuestionRegex;

    private static readonly Regex StrongPronounRegex = new(@"\b(?:it's|its|it|they|them|their)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex StartsQuestionRegex = new(
        @"^(?:what|how|is|are|can|could|does|do|did|will|would|who|where|when|why|should|which|tell|any)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
