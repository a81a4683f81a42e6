using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Knowledge.Tests;

public sealed class Int8DotTests
{
    public static TheoryData<string, int> Kernels()
    {
        var data = new TheoryData<string, int>();
        foreach (var length in new[] { 0, 3, 16, 31, 384, 389 })
        {
            foreach (var kernel in Enum.GetNames<Int8Dot.Kernel>())
            {
                data.Add(kernel, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Dot_EveryKernelThisMachineRuns_EqualsTheScalarSumIncludingExtremes(string kernelName, int length)
    {
        var kernel = Enum.Parse<Int8Dot.Kernel>(kernelName);
        var supported = kernel switch
        {
            Int8Dot.Kernel.Avx512 => Avx512BW.IsSupported,
            Int8Dot.Kernel.Avx2 => Avx2.IsSupported,
            Int8Dot.Kernel.Vector128 => Vector128.IsHardwareAccelerated,
            _ => true,
        };
        if (!supported)
        {
            return; // not on this processor: the machines that have it run this case
        }

        var random = new Random(length);
        var query = Enumerable.Range(0, length).Select(i => i % 7 == 0 ? (short)-16383 : (short)random.Next(-16383, 16384)).ToArray();
        var vector = Enumerable.Range(0, length).Select(i => i % 5 == 0 ? (sbyte)127 : (sbyte)random.Next(-127, 128)).ToArray();
        long expected = 0;
        for (var i = 0; i < length; i++)
        {
            expected += query[i] * vector[i];
        }

        Assert.Equal(expected, Int8Dot.Dot(query, vector, kernel));
    }

    [Theory]
    [InlineData(384)]
    [InlineData(3)]
    [InlineData(40)]
    public void DotMany_ABlockOfVectors_EachEqualsItsOwnDot(int dimensions)
    {
        var random = new Random(dimensions);
        var query = Enumerable.Range(0, dimensions).Select(_ => (short)random.Next(-16383, 16384)).ToArray();
        var vectors = Enumerable.Range(0, dimensions * 7).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var scores = new int[7];

        Int8Dot.DotMany(query, vectors, scores);

        for (var row = 0; row < 7; row++)
        {
            Assert.Equal(Int8Dot.Dot(query, vectors.AsSpan(row * dimensions, dimensions), Int8Dot.Kernel.Scalar), scores[row]);
        }
    }
}
