using QaBot.Answering.Safety;

namespace QaBot.SafetyLab;

/// <summary>Multinomial logistic regression on the query vectors (full-batch gradient descent, L2), for comparison with k-NN.</summary>
internal sealed class Softmax
{
    private const int Classes = 5;
    private readonly float[,] w;
    private readonly float[] b;

    private Softmax(float[,] w, float[] b)
    {
        this.w = w;
        this.b = b;
    }

    public static Softmax Train(IReadOnlyList<LabItem> items, int epochs = 300, float rate = 2f, float l2 = 1e-4f)
    {
        var d = items[0].Vector.Length;
        var w = new float[Classes, d];
        var b = new float[Classes];
        var model = new Softmax(w, b);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var gw = new float[Classes, d];
            var gb = new float[Classes];
            foreach (var item in items)
            {
                var p = model.Probabilities(item.Vector);
                var y = item.Exemplar.Category is { } c ? (int)c : 4;
                for (var k = 0; k < Classes; k++)
                {
                    var g = p[k] - (k == y ? 1f : 0f);
                    gb[k] += g;
                    for (var j = 0; j < d; j++)
                    {
                        gw[k, j] += g * item.Vector[j];
                    }
                }
            }

            for (var k = 0; k < Classes; k++)
            {
                b[k] -= rate * gb[k] / items.Count;
                for (var j = 0; j < d; j++)
                {
                    w[k, j] -= rate * ((gw[k, j] / items.Count) + (l2 * w[k, j]));
                }
            }
        }

        return model;
    }

    public SafetyCategory? Predict(float[] x)
    {
        var p = Probabilities(x);
        var best = 0;
        for (var k = 1; k < Classes; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return best == 4 ? null : (SafetyCategory)best;
    }

    private float[] Probabilities(float[] x)
    {
        var z = new float[Classes];
        var max = float.MinValue;
        for (var k = 0; k < Classes; k++)
        {
            var s = b[k];
            for (var j = 0; j < x.Length; j++)
            {
                s += w[k, j] * x[j];
            }

            z[k] = s;
            max = Math.Max(max, s);
        }

        var sum = 0f;
        for (var k = 0; k < Classes; k++)
        {
            z[k] = MathF.Exp(z[k] - max);
            sum += z[k];
        }

        for (var k = 0; k < Classes; k++)
        {
            z[k] /= sum;
        }

        return z;
    }
}
