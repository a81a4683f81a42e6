using QaBot.Knowledge;
using QaBot.Knowledge.Search;

namespace QaBot.Answering.Composition;

/// <summary>
/// Decides which retrieved passages answer a question well enough to cite: the first (one of the best three results)
/// must reach the calibrated confidence and stand out; further ones must come close to it and not repeat it.
/// </summary>
internal sealed class CitationChooser(KnowledgeSnapshot snapshot, QueryPlan plan, AnsweringOptions options)
{
    /// <summary>
    /// The first citation may come from any of the best few results that reaches the confidence floor on its own
    /// ("stem cells cure lupus": the lupus section ranks first, but the "is it a cure?" section holds every word).
    /// </summary>
    private const int FirstCitationCandidates = 3;

    public List<Chosen> Choose(IReadOnlyList<SearchHit> hits, int maxCitations)
    {
        var chosen = new List<Chosen>();
        var seenTexts = new List<string>();
        var passedOver = 0;
        foreach (var hit in hits)
        {
            if (chosen.Count >= maxCitations)
            {
                break;
            }

            var confidence = Confidence(hit);
            double floor;
            if (hit.DenseScore is not null)
            {
                floor = chosen.Count == 0 ? options.MinSimilarity : Math.Max(options.MinSimilarity, chosen[0].Confidence - options.CitationSimilarityMargin);
            }
            else
            {
                floor = chosen.Count == 0 ? options.MinConfidence : Math.Max(options.MinConfidence, chosen[0].Confidence * options.RelativeCitationConfidence);
            }

            if (confidence < floor || (chosen.Count == 0 && !StandsOut(hit)))
            {
                if (chosen.Count == 0 && ++passedOver >= FirstCitationCandidates)
                {
                    break; // none of the best passages is good enough: no answer
                }

                continue;
            }

            var fingerprint = NearDuplicates.Fingerprint(hit.Passage.Text);
            if (seenTexts.Any(seen => NearDuplicates.AreNear(seen, fingerprint)))
            {
                continue;
            }

            seenTexts.Add(fingerprint);
            chosen.Add(new Chosen(hit, confidence));
        }

        return chosen;
    }

    /// <summary>
    /// Confidence that a passage answers the question. With embeddings: the cosine similarity of question and passage
    /// (a better signal than any BM25 score). Lexically: the idf-weighted share of the question's concepts that the
    /// passage contains (title, section and text). Both are compared with calibrated thresholds.
    /// </summary>
    public double Confidence(SearchHit hit) =>
        hit.DenseScore ?? plan.Coverage(snapshot.Excerpts.PassageTerms(hit.Passage));

    /// <summary>Near enough to the question to offer as a related section when the knowledge lacks what is asked.</summary>
    public bool IsNear(SearchHit hit) =>
        Confidence(hit) >= (hit.DenseScore is null ? options.MinConfidence / 10 : options.MinSimilarity - 0.1);

    /// <summary>
    /// For a yes/no question: a passage that opens with yes or no, is about what the question asks (its heading covers
    /// at least as much of <paramref name="topic"/>, the question without its "right?" tag, as the best passage's) and reaches the confidence floor is cited first.
    /// </summary>
    public List<Chosen> PreferYesOrNo(List<Chosen> chosen, IReadOnlyList<SearchHit> hits, int maxCitations, QueryPlan topic)
    {
        if (OpensWithYesNo(chosen[0].Hit.Passage))
        {
            return chosen;
        }

        var bestHeading = SectionCoverage(topic, chosen[0].Hit.Passage);
        foreach (var hit in hits)
        {
            var confidence = Confidence(hit);
            var floor = hit.DenseScore is null ? options.MinConfidence : options.MinSimilarity;
            // The yes or no must answer what was asked: its heading names a word of the question that the best passage's
            // heading lacks ("approved", "cure"); a "No." to another question about the same topic is not the answer.
            if (hit.Passage.Id == chosen[0].Hit.Passage.Id || confidence < floor || !OpensWithYesNo(hit.Passage)
                || SectionCoverage(topic, hit.Passage) < bestHeading || !NamesMoreOfTheQuestion(topic, hit.Passage, chosen[0].Hit.Passage))
            {
                continue;
            }

            var reordered = new List<Chosen> { new(hit, confidence) };
            reordered.AddRange(chosen.Where(c => c.Hit.Passage.Id != hit.Passage.Id));
            return reordered.Take(maxCitations).ToList();
        }

        return chosen;
    }

    /// <summary>
    /// With embeddings, a similar passage is not enough: a knowledge base about one topic is "similar" to every question
    /// on that topic ("is stem cell therapy covered by insurance?"). The best passage must also stand out from the
    /// knowledge's background for this question (its cosine minus the mean cosine of the dense candidates), or contain
    /// the question's own words (lexical coverage), or be so similar that there is no doubt.
    /// </summary>
    private bool StandsOut(SearchHit hit)
    {
        if (hit.DenseScore is not { } cosine || hit.DenseBaseline is not { } baseline)
        {
            return true;
        }

        var namesTheTopic = plan.FocusCoverage(snapshot.Excerpts.HeadingTerms(hit.Passage)) >= options.MinFocusCoverage;
        return options.Evidence switch
        {
            AnswerEvidence.Focus => namesTheTopic,
            _ => namesTheTopic
                || cosine >= options.SureSimilarity
                || cosine - baseline >= options.MinSimilarityMargin
                || plan.Coverage(snapshot.Excerpts.PassageTerms(hit.Passage)) >= options.MinConfidence,
        };
    }

    /// <summary>How much of the question a passage's own heading (its section, or its title when it has none) names.</summary>
    private double SectionCoverage(QueryPlan topic, Passage passage) =>
        topic.Coverage(snapshot.Excerpts.HeadingTerms(passage.Section.Length > 0 ? passage with { Title = "" } : passage));

    /// <summary>True when <paramref name="passage"/>'s heading names a word of the question (not a chat word) that <paramref name="best"/>'s heading does not.</summary>
    private bool NamesMoreOfTheQuestion(QueryPlan topic, Passage passage, Passage best)
    {
        var heading = Heading(passage);
        var bestHeading = Heading(best);
        for (var i = 0; i < topic.Concepts.Count; i++)
        {
            if (!topic.IsChatWord[i] && topic.Concepts[i].IsCoveredBy(heading) && !topic.Concepts[i].IsCoveredBy(bestHeading))
            {
                return true;
            }
        }

        return false;
    }

    private IReadOnlySet<string> Heading(Passage passage) =>
        snapshot.Excerpts.HeadingTerms(passage.Section.Length > 0 ? passage with { Title = "" } : passage);

    private static bool OpensWithYesNo(Passage passage)
    {
        var first = QaBot.Knowledge.Sentences.Split(passage.Text).FirstOrDefault() ?? "";
        return SentenceCues.OpensWithYesNo(first);
    }
}
