namespace GpuTwin.VecEnv;

/// <summary>
/// An env whose <see cref="IVecEnv.Step"/> splits into <see cref="Resolve"/> (the slot itself; afterwards the
/// per-agent fields describe this slot) and <see cref="Advance"/> (mobility, clock, auto-reset, next draws).
/// Traces read state between the two, so one record never mixes two slots.
/// </summary>
public interface ISlotEnv : IVecEnv
{
    void Resolve();
    void Advance();
}
