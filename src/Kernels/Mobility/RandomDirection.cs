using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Mobility;

/// <summary>
/// Random-direction mobility: a mover keeps a heading and speed for an exponentially distributed epoch,
/// then draws new ones uniformly; walls reflect it. Callers pass the uniforms from their own stream.
/// </summary>
public static class RandomDirection
{
    /// <summary>
    /// One step of length dt. When the epoch timer runs out, a new heading U[0, 2π), speed U[vmin, vmax]
    /// and epoch length Exp(mean) are taken from the uniforms u1, u2, u3 in (0, 1].
    /// </summary>
    public static void Step(
        ref float x, ref float y, ref float heading, ref float speed, ref float epochLeftS,
        float dtS, float width, float height, float minSpeed, float maxSpeed, float meanEpochS,
        float u1, float u2, float u3)
    {
        if (epochLeftS <= 0f)
        {
            heading = FMath.TwoPi * (1f - u1);
            speed = minSpeed + (maxSpeed - minSpeed) * (1f - u2);
            epochLeftS = -meanEpochS * FMath.Log(u3);
        }
        GaussMarkov.Move(ref x, ref y, speed, heading, dtS);
        float unusedMean = 0f;
        AreaBorder.Reflect(ref x, ref y, ref heading, ref unusedMean, width, height);
        epochLeftS -= dtS;
    }
}
