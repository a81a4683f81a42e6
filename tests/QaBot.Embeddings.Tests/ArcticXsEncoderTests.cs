namespace QaBot.Embeddings.Tests;

public sealed class ArcticXsEncoderTests(ModelFixture model) : IClassFixture<ModelFixture>
{
    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void EncodeQuery_ReturnsUnitLengthVectorsOfTheModelsSize()
    {
        var vector = model.Encoder.EncodeQuery("can stem cells help lupus");

        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(Dot(vector, vector)), precision: 3);
    }

    [Fact]
    public void Encode_RelatedTextsAreCloserThanUnrelatedOnes()
    {
        var question = model.Encoder.EncodeQuery("my sister just got diagnosed with lupus what even is it");
        var lupus = model.Encoder.EncodePassage("Lupus", "Overview", "Systemic lupus erythematosus (SLE) is an autoimmune disease in which the immune system attacks healthy tissue.");
        var weather = model.Encoder.EncodePassage("Weather", "Forecast", "Tomorrow will be sunny with a light breeze and temperatures around twenty degrees.");

        Assert.True(Dot(question, lupus) > Dot(question, weather) + 0.1, $"lupus {Dot(question, lupus)} vs weather {Dot(question, weather)}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("🧬🩺💊")]
    [InlineData("\u0000\u0001")]
    [InlineData("lupus AND ( title:* ~~~")]
    public void EncodeQuery_OddInput_StillReturnsAVector(string text)
    {
        var vector = model.Encoder.EncodeQuery(text);

        Assert.Equal(384, vector.Length);
        Assert.All(vector, v => Assert.False(float.IsNaN(v)));
    }

    [Fact]
    public void EncodePassage_HugeText_IsCutNotRejected()
    {
        var vector = model.Encoder.EncodePassage("T", "S", string.Join(' ', Enumerable.Repeat("stem cells", 50_000)));

        Assert.Equal(384, vector.Length);
    }

    [Fact]
    public void Encode_IsThreadSafeAndDeterministic()
    {
        var expected = model.Encoder.EncodeQuery("multiple sclerosis stem cell transplant");

        var results = new float[16][];
        Parallel.For(0, results.Length, i => results[i] = model.Encoder.EncodeQuery("multiple sclerosis stem cell transplant"));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public async Task Dispose_WhileOtherThreadsEncode_WaitsForThemAndLaterCallsThrow()
    {
        // Its own encoder: this test disposes it. A session freed under a running inference crashed the test host.
        Assert.True(ArcticXsEncoder.TryCreate(out var encoder, out var error), error);
        var encoded = 0;
        using var started = new CountdownEvent(4);
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            started.Signal();
            while (true)
            {
                try
                {
                    var vector = encoder.EncodeQuery("does stem cell therapy help lupus");
                    Assert.Equal(384, vector.Length);
                    Interlocked.Increment(ref encoded);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        })).ToArray();

        started.Wait(TimeSpan.FromSeconds(30));
        SpinWait.SpinUntil(() => Volatile.Read(ref encoded) >= 8, TimeSpan.FromSeconds(30));
        encoder.Dispose();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(encoded >= 8, $"only {encoded} encodings ran before the dispose");
        Assert.Throws<ObjectDisposedException>(() => encoder.EncodeQuery("again"));
    }
}
