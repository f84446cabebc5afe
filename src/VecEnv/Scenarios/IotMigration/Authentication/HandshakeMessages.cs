using System.Buffers.Binary;
using System.Text;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// Byte encoding of the signed handshake messages (spec iot_migration.md §6.A.3 step 7): the ASCII tag, then every
/// field as a 2-byte big-endian length followed by its bytes (common names in UTF-8, nonces raw), so that no two
/// field lists encode to the same bytes.
/// </summary>
public static class HandshakeMessages
{
    public const string HelloTag = "IOTMIG/1|HELLO|";
    public const string ResponseTag = "IOTMIG/1|RESP|";
    public const string FinishTag = "IOTMIG/1|FIN|";

    /// <summary>m5 = tag ‖ userCN ‖ edgeCN ‖ R1, signed by the user.</summary>
    public static byte[] Hello(string userCommonName, string edgeCommonName, ReadOnlySpan<byte> r1) =>
        Encode(HelloTag, [Encoding.UTF8.GetBytes(userCommonName), Encoding.UTF8.GetBytes(edgeCommonName), r1.ToArray()]);

    /// <summary>m7 = tag ‖ R1 ‖ R2 ‖ edgeCN, signed by the edge server.</summary>
    public static byte[] Response(ReadOnlySpan<byte> r1, ReadOnlySpan<byte> r2, string edgeCommonName) =>
        Encode(ResponseTag, [r1.ToArray(), r2.ToArray(), Encoding.UTF8.GetBytes(edgeCommonName)]);

    /// <summary>m9 = tag ‖ R2 ‖ userCN, signed by the user.</summary>
    public static byte[] Finish(ReadOnlySpan<byte> r2, string userCommonName) =>
        Encode(FinishTag, [r2.ToArray(), Encoding.UTF8.GetBytes(userCommonName)]);

    private static byte[] Encode(string tag, byte[][] fields)
    {
        int length = tag.Length;
        foreach (var field in fields)
        {
            if (field.Length > ushort.MaxValue)
                throw new ArgumentException($"a handshake field has {field.Length} bytes; at most {ushort.MaxValue} fit its 2-byte length");
            length += 2 + field.Length;
        }
        var message = new byte[length];
        int at = Encoding.ASCII.GetBytes(tag, message);
        foreach (var field in fields)
        {
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(at), (ushort)field.Length);
            field.CopyTo(message, at + 2);
            at += 2 + field.Length;
        }
        return message;
    }
}
