using System.Numerics;
using GpuTwin.Kernels.Memory;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.Common;

/// <summary>Env <c>env</c>'s rows of [E, width] fields, concatenated as floats into one vector that determinism tests compare exactly.</summary>
public sealed class EnvSnapshot(int env)
{
    private readonly List<float> _values = [];

    public EnvSnapshot Rows<T>(int width, params FieldView<T>[] fields) where T : unmanaged, INumberBase<T>
    {
        foreach (var f in fields) Add(Row(Read(f), env, width));
        return this;
    }

    public EnvSnapshot Rows<T>(int width, MemoryBuffer1D<T, Stride1D.Dense> buffer) where T : unmanaged, INumberBase<T>
    {
        Add(Row(Read(buffer), env, width));
        return this;
    }

    /// <summary>Appends values as they are (e.g. a row already edited by the caller).</summary>
    public EnvSnapshot Add<T>(IEnumerable<T> values) where T : INumberBase<T>
    {
        _values.AddRange(values.Select(float.CreateTruncating));
        return this;
    }

    public float[] ToArray() => [.. _values];
}
