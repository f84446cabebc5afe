using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;
using ILGPU;
using ILGPU.Runtime;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using C = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationCounters;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// The host join pass of spec §6.A.5, run at every (synchronous) reset: each active user's pool index from the
/// CRED stream, its verdict from the authority's cache (or a live handshake with auth_mode=live), and the upload
/// of AuthOk, AuthReason and CredIndex, the only authentication data kernels ever see. Then the audit: live
/// handshakes of drawn (env, user) pairs against their serving edge, which must reproduce the uploaded verdicts.
/// </summary>
public sealed class IotMigrationJoinPass
{
    private readonly ICredentialAuthority _authority;
    private readonly ParameterGrid _grid;
    private readonly int _numEnvs, _uMax;
    private readonly byte[] _ok, _reason;
    private readonly int[] _index;
    private readonly float[] _counts;

    public IotMigrationJoinPass(ICredentialAuthority authority, ParameterGrid grid, int uMax, int nMax)
    {
        _authority = authority;
        _grid = grid;
        _numEnvs = grid.NumEnvs;
        _uMax = uMax;
        if (authority.PoolGood < uMax)
            throw new ParameterException($"users_per_server: U_max = {uMax} users need as many good credentials; the authority has {authority.PoolGood}");
        if (authority.EdgeServers < nMax)
            throw new ParameterException($"servers: {nMax} servers need as many edge credentials; the authority has {authority.EdgeServers}");
        _ok = new byte[_numEnvs * uMax];
        _reason = new byte[_numEnvs * uMax];
        _index = new int[_numEnvs * uMax];
        _counts = new float[_numEnvs * C.JoinWidth];
    }

    /// <summary>Live audit handshakes run so far.</summary>
    public long Audits { get; private set; }

    public void Run(in IotMigrationState s, ulong seed, int episode, double simulatedSeconds)
    {
        if (simulatedSeconds >= MaxSimulatedSeconds)
            throw new InvalidOperationException($"simulated time {simulatedSeconds:F0} s reached the CRL's nextUpdate (30 days): the verdict cache would be stale; run fewer episodes per env batch");
        bool live = (int)_grid.Value(0, AuthMode) == AuthModeLive;
        int[]? serving = live ? s.Serving.SubView(0, (long)_numEnvs * _uMax).GetAsArray() : null;
        var verdicts = _authority.Verdicts.ToArray();
        int pGood = _authority.PoolGood, pBad = _authority.PoolBad;
        Array.Clear(_counts);
        void JoinEnv(int e)
        {
            int users = Users(e);
            float fBad = (float)_grid.Value(e, BadFraction);
            var rng = St.ResetRng(seed, e, episode);
            for (int i = 0; i < _uMax; i++)
            {
                int u = e * _uMax + i;
                if (i >= users) { _ok[u] = 0; _reason[u] = 0; _index[u] = 0; continue; }
                int p = IotMigrationCredentials.PoolIndex(rng, i, fBad, pGood, pBad);
                AuthReason why = live
                    ? _authority.LiveHandshake(p, serving![u], simulatedSeconds, seed, e, i, 0)
                    : verdicts[p];
                _index[u] = p;
                _reason[u] = (byte)why;
                _ok[u] = why == AuthReason.Ok ? (byte)1 : (byte)0;
                int row = e * C.JoinWidth;
                _counts[row + C.JoinUsers] += 1f;
                if (why != AuthReason.Ok && (int)why <= 5) _counts[row + C.JoinBadFirst + (int)why - 1] += 1f;
            }
        }
        // Live handshakes go one at a time (the authority need not be thread-safe); cached lookups in parallel.
        if (live) for (int e = 0; e < _numEnvs; e++) JoinEnv(e);
        else Parallel.For(0, _numEnvs, JoinEnv);
        Audit(s, seed, episode, simulatedSeconds);
        s.AuthOk.SubView(0, _ok.Length).CopyFromCPU(_ok);
        s.AuthReason.SubView(0, _reason.Length).CopyFromCPU(_reason);
        s.CredIndex.SubView(0, _index.Length).CopyFromCPU(_index);
        s.JoinCounts.SubView(0, _counts.Length).CopyFromCPU(_counts);
    }

    private int Users(int e) => (int)_grid.Value(e, UsersPerServer) * (int)_grid.Value(e, Servers);

    private void Audit(in IotMigrationState s, ulong seed, int episode, double simulatedSeconds)
    {
        int audits = (int)_grid.Value(0, AuthAuditPerEpisode);
        for (int a = 0; a < audits; a++)
        {
            var (e, i) = IotMigrationCredentials.AuditTarget(seed, episode, a, _numEnvs, Users);
            int u = e * _uMax + i;
            int server = s.Serving.SubView(u, 1).GetAsArray()[0];
            var outcome = _authority.LiveHandshake(_index[u], server, simulatedSeconds, seed, e, i, 1 + a);
            _counts[e * C.JoinWidth + C.JoinAudits] += 1f;
            Audits++;
            if (outcome != (AuthReason)_reason[u])
                throw new InvalidOperationException(
                    $"auth audit mismatch: env {e} user {i} credential {_index[u]} at edge {server}: live handshake gave {outcome}, the uploaded verdict is {(AuthReason)_reason[u]}");
        }
    }
}
