using GpuTwin.Kernels.Random;

namespace GpuTwin.Training.Tabular;

// PENDING: stand-in for IotMigrationRules/IotMigrationStreams of the iot-migration env until it is merged;
// every call site goes through this class so that the swap is one file.
internal static class IotContract
{
    public const int RandPol = 11, SubsPerStream = 128, RandPolExplore = 1, RandPolExploreAction = 2;

    public static int ContextBin(int count) => count <= 0 ? 0 : count == 1 ? 1 : count <= 3 ? 2 : 3;

    public static bool IsMigrate(int action, int thetaLevels) => action >= thetaLevels;

    public static bool LoadsServer(int action, int server, int serving, int target, int thetaLevels) =>
        action != 0 && (server == serving || (IsMigrate(action, thetaLevels) && server == target));

    public static CounterRng DecisionRng(ulong seed, int env, int episode, int slot) => new(seed, env, episode, 1 + slot);

    public static float Draw(in CounterRng rng, int stream, int sub, int entity) => 1f - rng.Uniform(stream * SubsPerStream + sub, entity);

    public static int Index(float u, int n)
    {
        int i = (int)(u * n);
        return i >= n ? n - 1 : (i < 0 ? 0 : i);
    }
}
