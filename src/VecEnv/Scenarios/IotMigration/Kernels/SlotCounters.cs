using GpuTwin.Kernels.Radio;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using C = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationCounters;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// S10: reduces the slot's per-user outcomes to the per-env counters of spec §7 (users and servers in index
/// order) and adds them to the running totals. In slot 0 of an episode the host join-pass counts are added too.
/// </summary>
public static class SlotCounters
{
    public static void CountSlotKernel(Index1D e, IotMigrationState s)
    {
        int uCount = s.Users(e), nCount = s.Servers(e), levels = s.ThetaLevels(e);
        float z = s.P(e, DeadlineS);
        float tasks = 0f, latency = 0f, reward = 0f, viol = 0f, off = 0f, theta = 0f, mig = 0f, tx = 0f, outages = 0f;
        float uplink = 0f, sinrDb = 0f, rate = 0f, handshakes = 0f, refused = 0f, authS = 0f, decisions = 0f, attempts = 0f, refusedOther = 0f;
        float r1 = 0f, r2 = 0f, r3 = 0f, r4 = 0f, r5 = 0f;
        for (int i = 0; i < uCount; i++)
        {
            int u = s.User(e, i);
            if (s.Outage[u] != 0) { outages += 1f; uplink += 1f; }
            else if (s.TxFlag[u] != 0) uplink += 1f;
            if (s.Attempted[u] == 2) { attempts += 1f; s.Attempted[u] = 1; }
            int a = s.ActionEff[u];
            if (a == R.NoTask) continue;
            float t = s.TProc[u];
            tasks += 1f;
            latency += t;
            reward += s.UserReward[u];
            if (t > z) viol += 1f;
            theta += R.Theta(a, levels);
            if (s.Decided[u] != 0) decisions += 1f;
            if (a != 0) off += 1f;
            if (s.TxFlag[u] != 0)
            {
                tx += 1f;
                if (R.IsMigrate(a, levels)) mig += 1f;
                sinrDb += Decibel.FromLinear(s.Sinr[u]);
                rate += s.RateBps[u];
            }
            handshakes += s.Handshakes[u];
            authS += s.HandshakeS[u];
            if (s.RefusedNow[u] != 0)
            {
                refused += 1f;
                int why = s.AuthReason[u];
                if (why == 1) r1 += 1f;
                else if (why == 2) r2 += 1f;
                else if (why == 3) r3 += 1f;
                else if (why == 4) r4 += 1f;
                else if (why == 5) r5 += 1f;
                else refusedOther += 1f;
            }
        }
        float load = 0f, loadMax = 0f;
        for (int m = 0; m < nCount; m++)
        {
            float l = s.Load[s.Server(e, m)];
            load += l;
            if (l > loadMax) loadMax = l;
        }
        int o = e * s.CounterCount;
        Put(s, o + C.Tasks, tasks);
        Put(s, o + C.LatencyS, latency);
        Put(s, o + C.Reward, reward);
        Put(s, o + C.Violations, viol);
        Put(s, o + C.Offloaded, off);
        Put(s, o + C.ThetaSum, theta);
        Put(s, o + C.Migrations, mig);
        Put(s, o + C.Transmitters, tx);
        Put(s, o + C.RateOutages, outages);
        Put(s, o + C.UplinkAttempts, uplink);
        Put(s, o + C.SinrDb, sinrDb);
        Put(s, o + C.RateBps, rate);
        Put(s, o + C.ServerLoad, load);
        Put(s, o + C.ServerSteps, nCount);
        PutMax(s, o + C.ServerLoadMax, loadMax);
        Put(s, o + C.Handshakes, handshakes);
        Put(s, o + C.Refused, refused);
        Put(s, o + C.RefusedExpired, r1);
        Put(s, o + C.RefusedWrongIssuer, r2);
        Put(s, o + C.RefusedTampered, r3);
        Put(s, o + C.RefusedRevoked, r4);
        Put(s, o + C.RefusedWrongKey, r5);
        Put(s, o + C.RefusedOther, refusedOther);
        Put(s, o + C.AuthLatencyS, authS);
        Put(s, o + C.EnvSteps, 1f);
        Put(s, o + C.RewardEnv, s.RewardEnv[e]);
        Put(s, o + C.Decisions, decisions);
        Put(s, o + C.AttemptUsers, attempts);
        s.StepCounters[o + C.Episodes] = 0f;
        bool first = s.Slot[e] == 0;
        int jw = e * s.JoinWidth;
        Put(s, o + C.UsersJoined, first ? s.JoinCounts[jw + C.JoinUsers] : 0f);
        Put(s, o + C.JoinBadExpired, first ? s.JoinCounts[jw + C.JoinBadFirst] : 0f);
        Put(s, o + C.JoinBadWrongIssuer, first ? s.JoinCounts[jw + C.JoinBadFirst + 1] : 0f);
        Put(s, o + C.JoinBadTampered, first ? s.JoinCounts[jw + C.JoinBadFirst + 2] : 0f);
        Put(s, o + C.JoinBadRevoked, first ? s.JoinCounts[jw + C.JoinBadFirst + 3] : 0f);
        Put(s, o + C.JoinBadWrongKey, first ? s.JoinCounts[jw + C.JoinBadFirst + 4] : 0f);
        Put(s, o + C.Audits, first ? s.JoinCounts[jw + C.JoinAudits] : 0f);
        Put(s, o + C.AuditMismatch, first ? s.JoinCounts[jw + C.JoinAuditMismatch] : 0f);
    }

    /// <summary>After the advance: counts the envs truncated in this step.</summary>
    public static void CountEpisodeEndKernel(Index1D e, IotMigrationState s)
    {
        if (s.Truncated[e] == 0) return;
        Put(s, e * s.CounterCount + C.Episodes, 1f);
    }

    private static void Put(in IotMigrationState s, int index, float value)
    {
        s.StepCounters[index] = value;
        s.CounterTotals[index] += value;
    }

    private static void PutMax(in IotMigrationState s, int index, float value)
    {
        s.StepCounters[index] = value;
        if (value > s.CounterTotals[index]) s.CounterTotals[index] = value;
    }
}
