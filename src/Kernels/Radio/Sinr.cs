namespace GpuTwin.Kernels.Radio;

/// <summary>Signal-to-interference-plus-noise ratio.</summary>
public static class Sinr
{
    /// <summary>γ = S / (I + σ²), all in W. σ² &gt; 0 keeps the denominator positive.</summary>
    public static float Ratio(float signalW, float interferenceW, float noiseW) =>
        signalW / (interferenceW + noiseW);

    /// <summary>
    /// Interference seen by one user at its receiver from the total received power there, minus its own
    /// signal, clamped at 0 against float cancellation. O(1) per user once the per-receiver total is known.
    /// </summary>
    public static float InterferenceFromTotal(float totalReceivedW, float ownReceivedW)
    {
        float i = totalReceivedW - ownReceivedW;
        return i > 0f ? i : 0f;
    }
}
