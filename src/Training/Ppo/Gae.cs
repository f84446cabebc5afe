using static TorchSharp.torch;

namespace GpuTwin.Training.Ppo;

/// <summary>
/// Generalised advantage estimation (eq. 31) over [T, N] tensors in one reverse loop (CleanRL):
/// δ_t = r_t + γ·V_next − V_t, Â_t = δ_t + γλ·(1 − trunc_t)·Â_{t+1}, where V_next = V(final state) when the
/// episode was truncated at t (bootstrap, not zero: dt-sync episodes end by a time limit) and V_{t+1} otherwise.
/// </summary>
public static class Gae
{
    /// <param name="rewards">[T, N]</param>
    /// <param name="values">[T + 1, N]: V(s_0) … V(s_T)</param>
    /// <param name="finalValues">[T, N]: V of the final state where truncated (ignored elsewhere)</param>
    /// <param name="truncated">[T, N] float 0/1</param>
    /// <returns>Advantages [T, N] and λ-returns Â + V [T, N].</returns>
    public static (Tensor Advantages, Tensor Returns) Compute(Tensor rewards, Tensor values, Tensor finalValues, Tensor truncated, double gamma, double lambda)
    {
        int T = (int)rewards.shape[0];
        var adv = zeros_like(rewards);
        var last = zeros_like(rewards[0]);
        for (int t = T - 1; t >= 0; t--)
        {
            var next = where(truncated[t] > 0, finalValues[t], values[t + 1]);
            var delta = rewards[t] + gamma * next - values[t];
            last = delta + gamma * lambda * (1 - truncated[t]) * last;
            adv[t] = last;
        }
        return (adv, adv + values[..T]);
    }
}
