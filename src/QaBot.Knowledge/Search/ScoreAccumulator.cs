using System.Collections.Concurrent;

namespace QaBot.Knowledge.Search;

/// <summary>
/// Scratch space of one lexical search at a time, pooled (as many exist as searches ran at once): one score slot per
/// passage and the list of passages touched, so a question costs only its postings (no per-question arrays the size of
/// the index, and nothing to clear but what it touched). Scores are summed in double, as
/// Lucene's boolean scorer sums its clauses. A synonym concept is first gathered in its own slots (max and sum of its
/// alternatives) and then added as one disjunction-max score.
/// </summary>
internal sealed class ScoreAccumulator
{
    private static readonly ConcurrentBag<ScoreAccumulator> Pool = [];

    private double[] scores;
    private int[] touched;
    private int touchedCount;
    private float[] alternativeMax;
    private float[] alternativeSum;
    private int[] alternativeTouched;
    private int alternativeCount;

    private ScoreAccumulator(int passages)
    {
        scores = new double[passages];
        touched = new int[passages];
        alternativeMax = new float[passages];
        alternativeSum = new float[passages];
        alternativeTouched = new int[passages];
    }

    /// <summary>
    /// A cleared accumulator with room for <paramref name="passages"/> passages; give it back with <see cref="Return"/>
    /// after <see cref="TakeTop"/> (one that is not given back is simply collected).
    /// </summary>
    public static ScoreAccumulator Rent(int passages) =>
        Pool.TryTake(out var accumulator) && accumulator.scores.Length >= passages ? accumulator : new ScoreAccumulator(passages);

    /// <summary>Puts a cleared accumulator back in the pool.</summary>
    public void Return()
    {
        if (touchedCount == 0 && alternativeCount == 0)
        {
            Pool.Add(this);
        }
    }

    /// <summary>Adds a clause's score for each passage of its postings.</summary>
    public void Add(ReadOnlySpan<int> passages, ReadOnlySpan<float> clauseScores)
    {
        var slots = scores;
        for (var i = 0; i < passages.Length; i++)
        {
            var passage = passages[i];
            var before = slots[passage];
            if (before == 0)
            {
                touched[touchedCount++] = passage;
            }

            slots[passage] = before + clauseScores[i];
        }
    }

    /// <summary>Adds the same clause score to each passage.</summary>
    public void Add(ReadOnlySpan<int> passages, float clauseScore)
    {
        foreach (var passage in passages)
        {
            if (scores[passage] == 0)
            {
                touched[touchedCount++] = passage;
            }

            scores[passage] += clauseScore;
        }
    }

    /// <summary>Adds one alternative of the current synonym concept.</summary>
    public void AddAlternative(ReadOnlySpan<int> passages, ReadOnlySpan<float> alternativeScores)
    {
        for (var i = 0; i < passages.Length; i++)
        {
            AddAlternative(passages[i], alternativeScores[i]);
        }
    }

    /// <summary>Adds one alternative's score for one passage.</summary>
    public void AddAlternative(int passage, float score)
    {
        var sum = alternativeSum[passage];
        if (sum == 0)
        {
            alternativeTouched[alternativeCount++] = passage;
            alternativeMax[passage] = score;
        }
        else if (score > alternativeMax[passage])
        {
            alternativeMax[passage] = score;
        }

        alternativeSum[passage] = sum + score;
    }

    /// <summary>Adds the current synonym concept (best alternative plus <paramref name="tieBreaker"/> of the others).</summary>
    public void EndConcept(float tieBreaker)
    {
        for (var i = 0; i < alternativeCount; i++)
        {
            var passage = alternativeTouched[i];
            var max = alternativeMax[passage];
            var score = max + ((alternativeSum[passage] - max) * tieBreaker);
            alternativeSum[passage] = 0;
            alternativeMax[passage] = 0;
            if (scores[passage] == 0)
            {
                touched[touchedCount++] = passage;
            }

            scores[passage] += score;
        }

        alternativeCount = 0;
    }

    /// <summary>
    /// The <paramref name="top"/> best passages (higher score first, then lower ordinal, as Lucene breaks ties by doc id)
    /// and clears the accumulator for the next question.
    /// </summary>
    public List<(int Passage, float Score)> TakeTop(int top)
    {
        var heap = new (int Passage, float Score)[Math.Min(top, touchedCount)];
        var size = 0;
        for (var i = 0; i < touchedCount; i++)
        {
            var passage = touched[i];
            var score = (float)scores[passage];
            scores[passage] = 0;
            if (size < heap.Length)
            {
                heap[size] = (passage, score);
                SiftUp(heap, size++);
            }
            else if (size > 0 && Better(passage, score, heap[0].Passage, heap[0].Score))
            {
                heap[0] = (passage, score);
                SiftDown(heap, size);
            }
        }

        touchedCount = 0;
        var result = new List<(int Passage, float Score)>(heap);
        result.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Passage.CompareTo(b.Passage));
        return result;
    }

    private static bool Better(int passage, float score, int otherPassage, float otherScore) =>
        score > otherScore || (score == otherScore && passage < otherPassage);

    // A min-heap of the worst kept hit at the root.
    private static void SiftUp((int Passage, float Score)[] heap, int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Better(heap[parent].Passage, heap[parent].Score, heap[index].Passage, heap[index].Score))
            {
                break;
            }

            (heap[parent], heap[index]) = (heap[index], heap[parent]);
            index = parent;
        }
    }

    private static void SiftDown((int Passage, float Score)[] heap, int size)
    {
        var index = 0;
        while (true)
        {
            var left = (2 * index) + 1;
            if (left >= size)
            {
                break;
            }

            var worst = left;
            var right = left + 1;
            if (right < size && Better(heap[left].Passage, heap[left].Score, heap[right].Passage, heap[right].Score))
            {
                worst = right;
            }

            if (!Better(heap[index].Passage, heap[index].Score, heap[worst].Passage, heap[worst].Score))
            {
                break;
            }

            (heap[index], heap[worst]) = (heap[worst], heap[index]);
            index = worst;
        }
    }
}
