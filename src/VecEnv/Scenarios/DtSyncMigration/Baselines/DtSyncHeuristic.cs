namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Baselines;

/// <summary>The heuristic baselines of spec §9.</summary>
public enum DtSyncHeuristic
{
    /// <summary>B0: uniform association, power, shares and proposals.</summary>
    Random = 0,
    /// <summary>B1: nearest BS, max power, equal shares, never migrate.</summary>
    Static = 1,
    /// <summary>B2: as B1, but the DT follows the serving BS at every frame start.</summary>
    FollowUser = 2,
    /// <summary>B3: as B2, with received-power equalisation per cell (oracle CSI).</summary>
    RxPowerEqualise = 3,
    /// <summary>B4: as B2, with Foschini–Miljanic deadline power control (oracle CSI).</summary>
    DeadlinePowerControl = 4,
}
