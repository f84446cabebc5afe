using System.Buffers.Binary;
using System.Numerics;

namespace GpuTwin.Training.Runs;

/// <summary>CRC-32C (Castagnoli), hardware-accelerated where available, plus TFRecord's masking.</summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (byte b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }

    /// <summary>TFRecord's masked CRC: rotate right by 15 bits and add 0xa282ead8.</summary>
    public static uint Masked(ReadOnlySpan<byte> data)
    {
        uint c = Compute(data);
        return ((c >> 15) | (c << 17)) + 0xa282ead8u;
    }
}
