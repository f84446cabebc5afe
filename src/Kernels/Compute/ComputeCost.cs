namespace GpuTwin.Kernels.Compute;

/// <summary>Delay and energy of computing and transmitting, in SI units (s, J, cycles, Hz, bit, W).</summary>
public static class ComputeCost
{
    /// <summary>Processing time t = D·C / f (bits × cycles/bit over cycles/s).</summary>
    public static float ProcessingDelayS(float bits, float cyclesPerBit, float cpuHz, float tBig) =>
        SafeDivide.Time(bits * cyclesPerBit, cpuHz, tBig);

    /// <summary>Transmission time t = D / R.</summary>
    public static float TransmissionDelayS(float bits, float rateBps, float tBig) =>
        SafeDivide.Time(bits, rateBps, tBig);

    /// <summary>Dynamic CMOS energy of local computing: E = κ·f²·cycles (κ in J/(cycle·Hz²), the effective switched capacitance).</summary>
    public static float LocalComputeEnergyJ(float kappaSwitched, float cpuHz, float cycles) =>
        kappaSwitched * cpuHz * cpuHz * cycles;

    /// <summary>Transmit energy E = p·t.</summary>
    public static float TransmitEnergyJ(float powerW, float durationS) => powerW * durationS;
}
