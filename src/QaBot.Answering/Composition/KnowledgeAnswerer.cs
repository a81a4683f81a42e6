using QaBot.Knowledge;
using QaBot.Knowledge.Search;

namespace QaBot.Answering.Composition;

/// <summary>
/// The knowledge-answering part of a turn, after safety triage and the length check: small talk, other languages,
/// honest limits (<see cref="LimitRules"/>), multi-part questions, choosing citations and composing the answer from
/// whole units (<see cref="AnswerComposer"/>).
/// </summary>
internal sealed class KnowledgeAnswerer(IKnowledgeBase knowledge, AnsweringOptions options)
{
    private const int MaxParts = 3;

    /// <param name="text">The cleaned question.</param>
    /// <param name="snapshot">The knowledge to answer from (the one the question was encoded on); null: the current one.</param>
    /// <param name="vector">The question turn's vector of <paramref name="text"/>, reused when the whole text is searched.</param>
    public Answer Answer(string text, KnowledgeSnapshot? snapshot, float[]? vector, CancellationToken cancellationToken)
    {
        if (SmallTalk.Classify(text) is { } smallTalk)
        {
            return SmallTalkAnswer(smallTalk);
        }

        if (LanguageGuess.NonEnglish(text) is not null)
        {
            return NoAnswer(options.EnglishOnlyText);
        }

        var question = ChatWords.Normalize(SmallTalk.WithoutGreeting(text));
        snapshot ??= knowledge.Current;
        var offTopic = LimitRules.All.FirstOrDefault(r => r.Kind == LimitRuleKind.OffTopic && r.Matches(question));
        if (offTopic is not null)
        {
            var warning = offTopic.ClinicWarningWins && SeeksClinic(question) ? ClinicWarning(snapshot, question) : null;
            return warning is null ? NoAnswer(options.NoAnswerText) : Compose(snapshot, [warning]);
        }

        var parts = QuestionShape.Parts(question, Math.Min(MaxParts, options.MaxCitations));
        if (parts.Count > 1 && AnswerParts(snapshot, parts, cancellationToken) is { } multi)
        {
            return multi;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = AnswerOne(snapshot, question, options.MaxCitations, vector is null ? null : (text, vector));
        return result switch
        {
            { Chosen.Count: > 0 } => Compose(snapshot, [result]),
            { Limit: { } rule } => NoAnswer(rule.Reply, result.Confidence, result.Related),
            _ => NoAnswer(options.NoAnswerText, result.Confidence),
        };
    }

    private Answer SmallTalkAnswer(SmallTalkKind kind)
    {
        var lead = kind switch
        {
            SmallTalkKind.Thanks => options.ThanksText,
            SmallTalkKind.Goodbye => options.GoodbyeText,
            SmallTalkKind.Capabilities => options.CapabilitiesText,
            _ => options.GreetingText,
        };
        var examples = options.ExampleQuestions.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3).ToList();
        var text = examples.Count == 0
            ? lead
            : lead + (kind is SmallTalkKind.Thanks or SmallTalkKind.Goodbye ? " If you have another question, you could ask, for example:" : " You could ask, for example:")
              + string.Concat(examples.Select(e => "\n- " + e));
        return new Answer { Kind = AnswerKind.SmallTalk, Text = text, Reminder = options.Reminder };
    }

    private Answer NoAnswer(string text, double confidence = 0, IReadOnlyList<RelatedSection>? related = null) => new()
    {
        Kind = AnswerKind.NoAnswer,
        Text = text,
        Reminder = options.Reminder,
        Confidence = confidence,
        Related = related ?? [],
    };

    /// <summary>Each part of a multi-part question answered with its own citation; null when no part is answered.</summary>
    private Answer? AnswerParts(KnowledgeSnapshot snapshot, IReadOnlyList<string> parts, CancellationToken cancellationToken)
    {
        var results = new List<PartResult>();
        var cited = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < parts.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var part = parts[p];

            // "what is hsct and what are the risks?", "what is lupus and can stem cells help it?": a later part that
            // names no topic of its own, or points back with "it", leans on the first part's topic.
            var leans = p > 0 && (QuestionShape.LeansOnEarlierPart(part) || (!NamesATopic(snapshot, part) && NamesATopic(snapshot, parts[0])));
            var result = leans
                ? AnswerOne(snapshot, part.TrimEnd('?') + " (" + QuestionShape.Topic(parts[0]) + ")?", maxCitations: MaxParts) with { Question = part }
                : AnswerOne(snapshot, part, maxCitations: MaxParts);
            if (!leans && result.Chosen.Count == 0 && result.Limit is null && p > 0)
            {
                var withTopic = AnswerOne(snapshot, part + " " + parts[0], maxCitations: MaxParts);
                result = withTopic with { Question = part };
            }

            // Each part gets its own citation: the best passage no earlier part cited.
            var own = result.Chosen.Where(c => !cited.Contains(c.Hit.Passage.Id)).Take(1).ToList();
            result = result with { Chosen = own.Count > 0 ? own : result.Chosen.Take(1).ToList() };
            cited.UnionWith(result.Chosen.Select(c => c.Hit.Passage.Id));
            results.Add(result);
        }

        if (!results.Any(r => r.Chosen.Count > 0))
        {
            return null;
        }

        return Compose(snapshot, results);
    }

    /// <summary>
    /// True when the text names one of the knowledge's topics: a word of at most two distinct titles ("lupus", "RA",
    /// "HSCT"), not one every title shares ("stem", "cell", "therapy").
    /// </summary>
    private static bool NamesATopic(KnowledgeSnapshot snapshot, string text)
    {
        var titles = snapshot.Passages.Select(p => p.Title).Distinct(StringComparer.Ordinal).ToList();
        var words = TitleWords(text);
        return words.Any(w => titles.Count(t => TitleWords(t).Contains(w)) is > 0 and <= 2);
    }

    private static HashSet<string> TitleWords(string text) => ContentWords.Of(text);

    /// <summary>
    /// Composes an answer from the results of one question or of each part of a multi-part question: the opening of
    /// each result's first passage, then (for a single question) what its other passages add; citations numbered in order.
    /// </summary>
    private Answer Compose(KnowledgeSnapshot snapshot, List<PartResult> results)
    {
        var composer = new AnswerComposer();
        var cited = new List<(Chosen Chosen, QueryPlan Plan, List<ScoredSentence> Sentences)>();
        var answered = results.Where(r => r.Chosen.Count > 0).ToList();
        var share = 0;
        foreach (var result in results)
        {
            if (result.Chosen.Count == 0)
            {
                composer.AddNote(result.Limit?.Reply ?? options.PartNotAnsweredText);
                continue;
            }

            share++;
            var limit = answered.Count == 1 ? options.MaxAnswerChars : options.MaxAnswerChars * share / answered.Count;
            var keepCaveat = QuestionShape.AsksWhetherItWorks(result.Question);
            for (var i = 0; i < result.Chosen.Count; i++)
            {
                var chosen = result.Chosen[i];
                if (cited.Any(c => c.Chosen.Hit.Passage.Id == chosen.Hit.Passage.Id))
                {
                    continue;
                }

                var sentences = snapshot.Excerpts.Sentences(chosen.Hit.Passage, result.Plan);
                var units = PassageUnits.Build(chosen.Hit.Passage.Text, sentences);
                var n = cited.Count + 1;
                var added = i == 0
                    ? composer.AddOpening(n, units, limit, keepCaveat, window: IsLong(sentences, units, limit))
                    : composer.AddAddition(n, units, limit);
                if (i == 0 && !added)
                {
                    break;
                }

                cited.Add((chosen, result.Plan, sentences));
            }
        }

        var citations = cited.Select((c, i) => new Citation
        {
            N = i + 1,
            Id = c.Chosen.Hit.Passage.Id,
            Title = c.Chosen.Hit.Passage.Title,
            Section = c.Chosen.Hit.Passage.Section,
            Source = c.Chosen.Hit.Passage.Source,
            Url = c.Chosen.Hit.Passage.Url,
            File = c.Chosen.Hit.Passage.File,
            Quote = snapshot.Excerpts.Quote(c.Chosen.Hit.Passage, c.Plan, c.Sentences, options.MaxQuoteChars, QuoteSkips(composer, i + 1, c.Sentences)),
            Score = c.Chosen.Hit.Score,
        }).ToList();

        if (citations.Count == 0)
        {
            var first = results[0];
            return first.Limit is { } rule ? NoAnswer(rule.Reply, first.Confidence, first.Related) : NoAnswer(options.NoAnswerText, first.Confidence);
        }

        return new Answer
        {
            Kind = AnswerKind.Answered,
            Text = composer.Text(),
            Citations = citations,
            Reminder = options.Reminder,
            Confidence = answered[0].Chosen[0].Confidence,
        };
    }

    /// <summary>The sentences a citation's quote leaves out: those the answer text already says.</summary>
    private static HashSet<int> QuoteSkips(AnswerComposer composer, int n, List<ScoredSentence> sentences)
    {
        var skip = new HashSet<int>(composer.UsedOrders(n));
        foreach (var sentence in sentences.Where(s => !skip.Contains(s.Order) && composer.Repeats(s.Text)))
        {
            skip.Add(sentence.Order);
        }

        return skip;
    }

    /// <summary>A long passage whose best sentence lies beyond the opening that fits gives a window around that sentence.</summary>
    private bool IsLong(List<ScoredSentence> sentences, List<AnswerUnit> units, int limit)
    {
        if (sentences.Count <= options.LongPassageSentences)
        {
            return false;
        }

        var best = units.Where(u => !u.IsFragment).OrderByDescending(u => u.Score).ThenBy(u => u.Index).FirstOrDefault();
        if (best is null || best.Score <= 0)
        {
            return false;
        }

        var openingLength = units.TakeWhile(u => u.Index <= best.Index).Sum(u => u.Text.Length + 1);
        return openingLength > limit;
    }

    /// <param name="encoded">A vector already computed for a text; reused when that text is exactly what is searched.</param>
    private PartResult AnswerOne(KnowledgeSnapshot snapshot, string question, int maxCitations, (string Text, float[] Vector)? encoded = null)
    {
        // A closing "right?" or "true?" and a "100%" say nothing about the topic: they are left out of the search.
        var topic = QuestionShape.WithoutTag(question);
        var searched = topic.Length > 0 ? topic : question;
        searched = ChatWords.SpellOutAbbreviations(searched);
        var plan = snapshot.Plan(searched);
        if (plan.IsEmpty)
        {
            return new PartResult(question, plan, [], 0);
        }

        // The turn's vector is of the text as sent; a question whose spelling was corrected is encoded as corrected.
        var hits = encoded is { } e && string.Equals(e.Text, plan.SearchText, StringComparison.Ordinal)
            ? snapshot.Search(plan, e.Vector, options.Candidates)
            : snapshot.Search(plan, options.Candidates);
        var chooser = new CitationChooser(snapshot, plan, options);
        var chosen = chooser.Choose(hits, maxCitations);
        var confidence = chosen.Count > 0 ? chosen[0].Confidence : hits.Count == 0 ? 0 : chooser.Confidence(hits[0]);

        foreach (var rule in LimitRules.All.Where(r => r.Kind != LimitRuleKind.OffTopic && r.Matches(question)))
        {
            if (rule.Kind == LimitRuleKind.SeeksClinic)
            {
                if (ClinicWarning(snapshot, question, hits) is { } warning)
                {
                    return warning;
                }

                continue;
            }

            var near = (chosen.Count > 0 ? chosen.Select(c => c.Hit) : hits.Take(3)).Select(h => h.Passage);
            if (!rule.AnsweredBy(question, near))
            {
                var related = hits.Where(h => chooser.IsNear(h))
                    .DistinctBy(h => h.Passage.Id)
                    .Take(3)
                    .Select(h => new RelatedSection(h.Passage.Id, h.Passage.Title, h.Passage.Section))
                    .ToList();
                return new PartResult(question, plan, [], confidence) { Limit = rule, Related = related };
            }
        }

        if (chosen.Count > 0 && QuestionShape.IsYesNo(question))
        {
            chosen = chooser.PreferYesOrNo(chosen, hits, maxCitations, plan);
        }

        return new PartResult(question, plan, chosen, confidence);
    }

    private bool SeeksClinic(string question) =>
        LimitRules.All.Any(r => r.Kind == LimitRuleKind.SeeksClinic && r.Asks.IsMatch(question));

    private PartResult? ClinicWarning(KnowledgeSnapshot snapshot, string question) =>
        ClinicWarning(snapshot, question, snapshot.Search(snapshot.Plan(question), options.Candidates));

    /// <summary>The knowledge's unproven-clinic warning for a clinic-seeking question; null when the knowledge has none.</summary>
    private PartResult? ClinicWarning(KnowledgeSnapshot snapshot, string question, IReadOnlyList<SearchHit> hits)
    {
        var fromHits = hits.Where(h => LimitRules.IsClinicWarning(h.Passage.Section)).ToList();
        var warnings = fromHits.Count > 0
            ? fromHits
            : snapshot.Passages.Where(p => LimitRules.IsClinicWarning(p.Section)).Select(p => new SearchHit(p, 0)).ToList();
        if (warnings.Count == 0)
        {
            return null;
        }

        var plan = snapshot.Plan(question + " unproven stem cell clinics");
        var chooser = new CitationChooser(snapshot, plan, options);
        var chosen = warnings.Take(Math.Min(2, options.MaxCitations)).Select(h => new Chosen(h, chooser.Confidence(h))).ToList();
        return new PartResult(question, plan, chosen, chosen[0].Confidence);
    }
}
