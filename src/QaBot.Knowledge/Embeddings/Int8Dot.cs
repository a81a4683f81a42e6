using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QaBot.Knowledge.Embeddings;

/// <summary>
/// Integer dot product of an int16 query with an int8 vector: AVX-512BW or AVX2 multiply-add where the processor has
/// them (32 or 16 products per instruction), portable 128-bit vectors elsewhere, then scalar for the rest.
/// </summary>
internal static class Int8Dot
{
    public enum Kernel
    {
        Scalar,
        Vector128,
        Avx2,
        Avx512,
    }

    /// <summary>The fastest kernel this processor runs.</summary>
    public static Kernel Best { get; } =
        Avx512BW.IsSupported ? Kernel.Avx512 : Avx2.IsSupported ? Kernel.Avx2 : Vector128.IsHardwareAccelerated ? Kernel.Vector128 : Kernel.Scalar;

    public static int Dot(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> vector) => Dot(query, vector, Best);

    /// <summary>
    /// The dot products of the query with consecutive vectors of <c>query.Length</c> values each: one call for a block
    /// of vectors, so the kernel is chosen once and the loop stays tight.
    /// </summary>
    public static void DotMany(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> vectors, Span<int> scores)
    {
        var dimensions = query.Length;
        if (Best == Kernel.Avx512 && dimensions % 32 == 0)
        {
            ref var q = ref MemoryMarshal.GetReference(query);
            ref var v = ref MemoryMarshal.GetReference(vectors);
            for (var row = 0; row < scores.Length; row++)
            {
                var acc = Vector512<int>.Zero;
                ref var vector = ref Unsafe.Add(ref v, row * dimensions);
                for (var i = 0; i < dimensions; i += 32)
                {
                    var wide = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref vector, (nuint)i));
                    acc = Avx512F.Add(acc, Avx512BW.MultiplyAddAdjacent(wide, Vector512.LoadUnsafe(ref q, (nuint)i)));
                }

                scores[row] = Vector512.Sum(acc);
            }

            return;
        }

        for (var row = 0; row < scores.Length; row++)
        {
            scores[row] = Dot(query, vectors.Slice(row * dimensions, dimensions), Best);
        }
    }

    /// <summary>The dot product with a chosen kernel (tests compare them; it must be supported here).</summary>
    public static int Dot(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> vector, Kernel kernel)
    {
        var length = Math.Min(query.Length, vector.Length);
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var v = ref MemoryMarshal.GetReference(vector);
        var i = 0;
        var sum = kernel switch
        {
            Kernel.Avx512 => Avx512(ref q, ref v, length, ref i),
            Kernel.Avx2 => Avx2Kernel(ref q, ref v, length, ref i),
            Kernel.Vector128 => Portable(ref q, ref v, length, ref i),
            _ => 0,
        };
        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref q, i) * Unsafe.Add(ref v, i);
        }

        return sum;
    }

    private static int Avx512(ref short q, ref sbyte v, int length, ref int i)
    {
        var acc = Vector512<int>.Zero;
        for (; i <= length - 32; i += 32)
        {
            var wide = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref v, (nuint)i));
            acc = Avx512F.Add(acc, Avx512BW.MultiplyAddAdjacent(wide, Vector512.LoadUnsafe(ref q, (nuint)i)));
        }

        return Vector512.Sum(acc);
    }

    private static int Avx2Kernel(ref short q, ref sbyte v, int length, ref int i)
    {
        var acc = Vector256<int>.Zero;
        for (; i <= length - 16; i += 16)
        {
            var wide = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref v, (nuint)i));
            acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(wide, Vector256.LoadUnsafe(ref q, (nuint)i)));
        }

        return Vector256.Sum(acc);
    }

    private static int Portable(ref short q, ref sbyte v, int length, ref int i)
    {
        var acc = Vector128<int>.Zero;
        for (; i <= length - 16; i += 16)
        {
            var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref v, (nuint)i));
            acc += Product(low, Vector128.LoadUnsafe(ref q, (nuint)i)) + Product(high, Vector128.LoadUnsafe(ref q, (nuint)(i + 8)));
        }

        return Vector128.Sum(acc);
    }

    private static Vector128<int> Product(Vector128<short> a, Vector128<short> b)
    {
        var (aLow, aHigh) = Vector128.Widen(a);
        var (bLow, bHigh) = Vector128.Widen(b);
        return (aLow * bLow) + (aHigh * bHigh);
    }
}
