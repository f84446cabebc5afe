using GpuTwin.Training.Bridge;
using GpuTwin.Training.Networks;
using GpuTwin.VecEnv;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GpuTwin.Training.Ppo;

/// <summary>Diagnostics of one update (CleanRL's names).</summary>
public sealed record UpdateStats(double PolicyLoss, double ValueLoss, double Entropy, double ApproxKl, double ClipFraction,
    double ExplainedVariance, int LogFactorClampHits);

/// <summary>
/// The PPO family (IPPO, MAPPO, HAPPO) over a vectorized multi-agent env, one class read top to bottom:
/// <see cref="Collect"/> fills [T, E, agents, ...] rollout tensors from the env's device buffers,
/// <see cref="Update"/> computes GAE and runs the clipped-surrogate epochs.
/// Parameters are shared within an agent group by default (one actor per group; the agent index is in the
/// observation); with <see cref="PpoOptions.ShareWithinGroup"/> = false every agent has its own actor and, for
/// HAPPO, its own turn in the sequential update (the paper's K + M + 1 heterogeneous agents). Centralised critics (MAPPO, HAPPO) are one per reward stream on the global state —
/// spec §10's <c>CriticPerRewardStream</c>, equivalent in expectation to one critic per agent; IPPO has one
/// critic per group on the group's own observation.
/// </summary>
public sealed class PpoTrainer : IDisposable
{
    public PpoOptions Options { get; }
    public IVecEnv Env { get; }
    public IReadOnlyList<GroupLayout> Groups => _groups;
    public IReadOnlyList<Actor> Actors => _units.Select(u => u.Actor).ToList();
    public IReadOnlyList<Critic> Critics => _critics;
    public IReadOnlyList<ValueNorm> ValueNorms => _valueNorms;
    public long EnvSteps { get; set; }

    private readonly GroupLayout[] _groups;
    private readonly ActorUnit[] _units;
    private readonly Critic[] _critics;
    private readonly Adam[] _criticOptimizers;
    private readonly ValueNorm[] _valueNorms;
    private readonly Generator _generator;
    private readonly TensorBridge _bridge;
    private readonly GroupRollout[] _rollouts;
    private readonly int _T, _E, _streams;
    private readonly Tensor _global, _finalGlobal, _rewards, _truncated;
    private readonly Tensor[] _globalSlots, _finalSlots, _truncatedSlots;
    private readonly Tensor[][] _rewardSlots;
    private readonly bool _centralCritic;

    /// <summary>
    /// One actor and the agents it drives: all agents of its group (parameter sharing) or a single agent
    /// (<see cref="PpoOptions.ShareWithinGroup"/> = false, the paper's heterogeneous HAPPO agents).
    /// </summary>
    private sealed record ActorUnit(string Name, int Group, int FirstAgent, int Agents, Actor Actor, Adam Optimizer);

    /// <summary>Everything one group needs during the rollout: storage [T(+1), E·n, ...] and env staging tensors.</summary>
    private sealed class GroupRollout
    {
        public required Tensor Obs;          // [T+1, E·n, obs] (slot T: the bootstrap observation)
        public required Tensor Discrete;     // [T, E·n, H] int64
        public required Tensor Continuous;   // [T, E·n, D] the raw sample (Gaussian: unclipped)
        public required Tensor Mask;         // [T, E·n, W] uint8
        public required Tensor RawDiscrete;  // [E·n, H] int64, this step's sample
        public required Tensor RawContinuous; // [E·n, D] this step's raw sample
        public required Tensor DiscreteEnv;  // [E·n, H] int32, what the env reads
        public required Tensor ContinuousEnv; // [E·n, D] float, clipped to [0, 1]
        public required Tensor[] ObsSlots, DiscreteSlots, ContinuousSlots, MaskSlots;
        public int Agents;                   // n per env
    }

    public PpoTrainer(IVecEnv env, PpoOptions options, ulong seed)
    {
        TorchRuntime.EnsureLoaded();
        Env = env;
        Options = options;
        _bridge = new TensorBridge(env.Device);
        var dev = _bridge.TorchDevice;
        torch.manual_seed((long)(seed & 0x7FFFFFFFFFFFFFFF));
        _generator = new Generator((ulong)(long)(seed & 0x7FFFFFFFFFFFFFFF), dev);
        _T = options.RolloutSteps;
        _E = env.NumEnvs;
        _streams = env.Spec.RewardStreams.Count;
        _centralCritic = options.Algorithm != PpoAlgorithm.Ippo;
        _groups = env.Spec.Groups.Select((g, i) => GroupLayout.Of(i, g)).ToArray();

        _units = _groups.SelectMany(g => options.ShareWithinGroup
                ? [(g, Name: $"actor_{g.Group.Name}", First: 0, Count: g.Group.Count)]
                : Enumerable.Range(0, g.Group.Count).Select(a => (g, Name: $"actor_{g.Group.Name}_{a}", First: a, Count: 1)))
            .Select(u =>
            {
                var actor = new Actor(u.Name, u.g.Group.ObservationSize, options.Hidden, u.g.DiscreteHeads, u.g.DiscreteChoices,
                    u.g.ContinuousDims, options.Distribution, options.Activation, options.InputLayerNorm, options.StateDependentStd);
                actor.to(dev);
                return new ActorUnit(u.Name, u.g.Index, u.First, u.Count, actor, optim.Adam(actor.parameters(), options.ActorLr, eps: options.AdamEps));
            }).ToArray();
        _critics = _centralCritic
            ? env.Spec.RewardStreams.Select(s => new Critic($"critic_{s}", env.Spec.GlobalStateSize, options.Hidden, options.Activation, options.InputLayerNorm)).ToArray()
            : _groups.Select(g => new Critic($"critic_{g.Group.Name}", g.Group.ObservationSize, options.Hidden, options.Activation, options.InputLayerNorm)).ToArray();
        foreach (var c in _critics) c.to(dev);
        _criticOptimizers = _critics.Select(c => optim.Adam(c.parameters(), options.CriticLr, eps: options.AdamEps)).ToArray();
        _valueNorms = _critics.Select(_ => new ValueNorm()).ToArray();

        _rollouts = _groups.Select(g => NewRollout(g, dev)).ToArray();
        int s = env.Spec.GlobalStateSize;
        _global = zeros([_T + 1, _E, s], device: dev);
        _finalGlobal = zeros([_T, _E, s], device: dev);
        _rewards = zeros([_streams, _T, _E], device: dev);
        _truncated = zeros([_T, _E], ScalarType.Byte, device: dev);
        _globalSlots = Slots(_global, _T + 1);
        _finalSlots = Slots(_finalGlobal, _T);
        _truncatedSlots = Slots(_truncated, _T);
        _rewardSlots = Enumerable.Range(0, _streams).Select(r => Slots(_rewards[r], _T)).ToArray();
    }

    private GroupRollout NewRollout(GroupLayout g, torch.Device dev)
    {
        int n = g.Group.Count, rows = _E * n;
        var r = new GroupRollout
        {
            Agents = n,
            Obs = zeros([_T + 1, rows, g.Group.ObservationSize], device: dev),
            Discrete = zeros([_T, rows, Math.Max(1, g.DiscreteHeads)], ScalarType.Int64, device: dev),
            Continuous = zeros([_T, rows, Math.Max(1, g.ContinuousDims)], device: dev),
            Mask = zeros([_T, rows, g.Group.MaskWidth], ScalarType.Byte, device: dev),
            RawDiscrete = zeros([rows, Math.Max(1, g.DiscreteHeads)], ScalarType.Int64, device: dev),
            RawContinuous = zeros([rows, Math.Max(1, g.ContinuousDims)], device: dev),
            DiscreteEnv = zeros([rows, Math.Max(1, g.DiscreteHeads)], ScalarType.Int32, device: dev),
            ContinuousEnv = zeros([rows, Math.Max(1, g.ContinuousDims)], device: dev),
            ObsSlots = [], DiscreteSlots = [], ContinuousSlots = [], MaskSlots = [],
        };
        r.ObsSlots = Slots(r.Obs, _T + 1);
        r.DiscreteSlots = Slots(r.Discrete, _T);
        r.ContinuousSlots = Slots(r.Continuous, _T);
        r.MaskSlots = Slots(r.Mask, _T);
        return r;
    }

    /// <summary>Views of each time slot, made once so the rollout loop allocates no tensors for storage.</summary>
    private static Tensor[] Slots(Tensor t, int count) => Enumerable.Range(0, count).Select(i => t[i]).ToArray();

    #region Rollout

    /// <summary>Resets the envs (a new run or a resumed one).</summary>
    public void Reset(ulong seed) => Env.Reset(seed);

    /// <summary>Collects T slots from every env with the current (stochastic) policies.</summary>
    public void Collect()
    {
        using var noGrad = no_grad();
        for (int t = 0; t < _T; t++)
        {
            using var scope = NewDisposeScope();
            Env.ObserveGlobal();
            _bridge.ToTensor(Env.GlobalState, _globalSlots[t]);
            ActAllGroups(t, deterministic: false, store: true);
            Env.Step();
            for (int r = 0; r < _streams; r++) _bridge.ToTensor(Env.Reward(r), _rewardSlots[r][t]);
            _bridge.ToTensor(Env.Truncated, _truncatedSlots[t]);
            _bridge.ToTensor(Env.FinalGlobalState, _finalSlots[t]);
            for (int g = 0; g < _groups.Length; g++) _bridge.ToTensor(Env.ActionMask(g), _rollouts[g].MaskSlots[t]);
        }
        // Bootstrap inputs: the global state and every group's observation of slot T (actions written for the
        // observation chain are overwritten by the next rollout).
        using (NewDisposeScope())
        {
            Env.ObserveGlobal();
            _bridge.ToTensor(Env.GlobalState, _globalSlots[_T]);
            ActAllGroups(_T, deterministic: false, store: false);
        }
        EnvSteps += (long)_T * _E;
    }

    /// <summary>Each group in order: observe, sample, write the actions to the env (they shape later groups' observations).</summary>
    private void ActAllGroups(int t, bool deterministic, bool store)
    {
        for (int g = 0; g < _groups.Length; g++)
        {
            var roll = _rollouts[g];
            Env.Observe(g);
            _bridge.ToTensor(Env.Observation(g), roll.ObsSlots[t]);
            var (d, c) = Act(g, roll.ObsSlots[t], deterministic);
            WriteActions(g, d, c);
            if (!store) continue;
            if (d is not null) roll.DiscreteSlots[t].copy_(d);
            if (c is not null) roll.ContinuousSlots[t].copy_(c);
        }
    }

    /// <summary>Discrete actions as int32, continuous ones clipped to [0, 1] (the Gaussian head's clip), into the env's buffers.</summary>
    public void WriteActions(int g, Tensor? discrete, Tensor? continuous)
    {
        var roll = _rollouts[g];
        var actions = Env.Actions(g);
        if (discrete is not null)
        {
            roll.DiscreteEnv.copy_(discrete);
            _bridge.FromTensor(roll.DiscreteEnv, actions.Discrete);
        }
        if (continuous is not null)
        {
            roll.ContinuousEnv.copy_(continuous.clamp(0, 1));
            _bridge.FromTensor(roll.ContinuousEnv, actions.Continuous);
        }
    }

    /// <summary>
    /// Group g's actions for its observation batch [E·n, obs] (rows env-major): each actor unit samples its
    /// agents' rows (deterministic = Beta mean / Gaussian mean / argmax) into the group's raw action tensors.
    /// </summary>
    public (Tensor? Discrete, Tensor? Continuous) Act(int g, Tensor observations, bool deterministic)
    {
        var layout = _groups[g];
        var roll = _rollouts[g];
        int n = roll.Agents;
        foreach (var u in _units.Where(u => u.Group == g))
        {
            var obs = u.Agents == n ? observations : AgentRows(observations, n, u.FirstAgent, u.Agents);
            var (d, c, _) = u.Actor.Forward(obs).Act(_generator, deterministic);
            if (d is not null) AgentRows(roll.RawDiscrete, n, u.FirstAgent, u.Agents, d);
            if (c is not null) AgentRows(roll.RawContinuous, n, u.FirstAgent, u.Agents, c);
        }
        return (layout.DiscreteHeads > 0 ? roll.RawDiscrete : null, layout.ContinuousDims > 0 ? roll.RawContinuous : null);
    }

    /// <summary>Rows of agents [first, first + count) of an env-major [..., E·n, F] tensor, as [(...)·E·count, F].</summary>
    private static Tensor AgentRows(Tensor rows, int n, int first, int count)
    {
        long f = rows.shape[^1];
        var byAgent = rows.reshape(-1, n, f).narrow(1, first, count);
        return byAgent.reshape(-1, f);
    }

    /// <summary>Writes <paramref name="values"/> [E·count, F] into those agents' rows of <paramref name="rows"/> [E·n, F].</summary>
    private static void AgentRows(Tensor rows, int n, int first, int count, Tensor values)
    {
        long f = rows.shape[^1];
        rows.view(-1, n, f).narrow(1, first, count).copy_(values.view(-1, count, f));
    }

    /// <summary>Group g's observation buffer copied into its staging slot 0 (for evaluation).</summary>
    public Tensor ObservationOf(int g)
    {
        _bridge.ToTensor(Env.Observation(g), _rollouts[g].ObsSlots[0]);
        return _rollouts[g].ObsSlots[0];
    }

    #endregion

    #region Update

    /// <summary>GAE, then Epochs passes of the clipped surrogate (simultaneous for IPPO/MAPPO, sequential with the M factor for HAPPO).</summary>
    public UpdateStats Update()
    {
        using var scope = NewDisposeScope();
        var o = Options;
        var (advantages, returns, values) = ComputeAdvantages();

        // Per-unit flattened batches: inputs, actions, masks, advantages, behaviour log-probs.
        var batches = new GroupBatch[_units.Length];
        using (no_grad())
            for (int u = 0; u < _units.Length; u++) batches[u] = MakeBatch(u, advantages);

        double pLoss = 0, entropy = 0, kl = 0, clipFrac = 0;
        int clampHits = 0, measured = 0;
        if (o.Algorithm == PpoAlgorithm.Happo)
        {
            // Reference ordering (default, the public HAPPO code the paper cites): one random order per iteration and
            // each unit runs all its epochs in its turn. Algorithm 1 as listed: a new order and a fresh M every epoch,
            // one epoch per turn, M updated with the ratio of the policy after and before that single epoch.
            bool perEpochOrder = o.HappoOrder == HappoOrder.Algorithm1;
            int rounds = perEpochOrder ? o.Epochs : 1, epochsPerTurn = perEpochOrder ? 1 : o.Epochs;
            for (int round = 0; round < rounds; round++)
            {
                var order = randperm(_units.Length, generator: _generator).data<long>().ToArray();
                var logFactor = zeros(_T * _E, device: _bridge.TorchDevice);
                foreach (int u in order.Select(x => (int)x))
                {
                    var b = batches[u];
                    var before = perEpochOrder ? LogProbOf(u, b) : b.OldLogProb;
                    var factor = logFactor.exp().repeat_interleave(b.Agents);
                    for (int epoch = 0; epoch < epochsPerTurn; epoch++)
                        Accumulate(PolicyEpoch(u, b, factor), ref pLoss, ref entropy, ref kl, ref clipFrac, ref measured);
                    using (no_grad())
                    {
                        var delta = ((LogProbOf(u, b) - before) * b.Active).reshape(_T * _E, b.Agents).sum(1);
                        var updated = logFactor + delta;
                        clampHits += (int)(updated.abs() > o.LogFactorClamp).sum().item<long>();
                        logFactor = updated.clamp(-o.LogFactorClamp, o.LogFactorClamp).detach();
                    }
                }
            }
        }
        else
        {
            for (int epoch = 0; epoch < o.Epochs; epoch++)
                for (int u = 0; u < _units.Length; u++)
                    Accumulate(PolicyEpoch(u, batches[u], null), ref pLoss, ref entropy, ref kl, ref clipFrac, ref measured);
        }

        var (vLoss, explained) = CriticEpochs(returns, values);
        double n = Math.Max(1, measured);
        return new UpdateStats(pLoss / n, vLoss, entropy / n, kl / n, clipFrac / n, explained, clampHits);
    }

    private static void Accumulate((double P, double H, double Kl, double Clip) s, ref double p, ref double h, ref double kl, ref double clip, ref int n)
    {
        p += s.P; h += s.H; kl += s.Kl; clip += s.Clip; n++;
    }

    /// <summary>log π of the unit's current parameters on its whole batch (no gradient).</summary>
    private Tensor LogProbOf(int unit, GroupBatch b)
    {
        using var noGrad = no_grad();
        return _units[unit].Actor.Forward(b.Obs).LogProb(b.Discrete, b.Continuous, b.DiscreteMask, b.ContinuousMask);
    }

    /// <summary>One group's flattened training batch.</summary>
    private sealed record GroupBatch(int Agents, Tensor Obs, Tensor? Discrete, Tensor? Continuous, Tensor? DiscreteMask,
        Tensor? ContinuousMask, Tensor Active, Tensor Advantage, Tensor OldLogProb);

    private GroupBatch MakeBatch(int unit, Tensor[] advantages)
    {
        var u = _units[unit];
        int g = u.Group;
        var layout = _groups[g];
        var roll = _rollouts[g];
        int n = roll.Agents, na = u.Agents;
        long rows = (long)_T * _E * na;
        var obs = AgentRows(roll.Obs[..(int)_T], n, u.FirstAgent, na);
        var disc = layout.DiscreteHeads > 0 ? AgentRows(roll.Discrete, n, u.FirstAgent, na) : null;
        var cont = layout.ContinuousDims > 0 ? AgentRows(roll.Continuous, n, u.FirstAgent, na) : null;
        var m = AgentRows(roll.Mask, n, u.FirstAgent, na).to(ScalarType.Float32);
        Tensor? dMask = null, cMask = null;
        switch (layout.Mask)
        {
            case MaskKind.PerAgent:
                if (disc is not null) dMask = m.expand(rows, layout.DiscreteHeads);
                if (cont is not null) cMask = m.expand(rows, layout.ContinuousDims);
                break;
            case MaskKind.PerDiscreteHead: dMask = m; break;
            case MaskKind.PerContinuousDim: cMask = m; break;
            case MaskKind.PerComponent:
                dMask = m.narrow(1, 0, layout.DiscreteHeads).contiguous();
                cMask = m.narrow(1, layout.DiscreteHeads, layout.ContinuousDims).contiguous();
                break;
        }
        var active = m.amax(1);
        // Central critics give one advantage per (slot, env) and stream; every agent of the group shares it.
        var adv = _centralCritic
            ? advantages[layout.Group.RewardStream].reshape(_T * _E).repeat_interleave(na)
            : AgentRows(advantages[g].unsqueeze(-1), n, u.FirstAgent, na).reshape(rows);
        if (Options.AdvantageNorm)
        {
            var count = active.sum().clamp_min(1);
            var mean = (adv * active).sum() / count;
            var std = (((adv - mean).pow(2) * active).sum() / count).sqrt();
            adv = (adv - mean) / (std + 1e-5);
        }
        var old = u.Actor.Forward(obs).LogProb(disc, cont, dMask, cMask);
        return new GroupBatch(na, obs, disc, cont, dMask, cMask, active, adv.detach(), old.detach());
    }

    /// <summary>One pass over an actor unit's batch in <see cref="PpoOptions.Minibatches"/> minibatches.</summary>
    private (double P, double H, double Kl, double Clip) PolicyEpoch(int unit, GroupBatch b, Tensor? factor)
    {
        var o = Options;
        long rows = b.Obs.shape[0];
        var perm = randperm(rows, generator: _generator, device: _bridge.TorchDevice);
        long size = (rows + o.Minibatches - 1) / o.Minibatches;
        double pSum = 0, hSum = 0, klSum = 0, clipSum = 0;
        for (long start = 0; start < rows; start += size)
        {
            using var scope = NewDisposeScope();
            var idx = perm.slice(0, start, Math.Min(rows, start + size), 1);
            Tensor? Pick(Tensor? t) => t is null ? null : t.index_select(0, idx);
            var actor = _units[unit].Actor;
            var output = actor.Forward(b.Obs.index_select(0, idx));
            var dMask = Pick(b.DiscreteMask); var cMask = Pick(b.ContinuousMask);
            var logp = output.LogProb(Pick(b.Discrete), Pick(b.Continuous), dMask, cMask);
            var ent = output.Entropy(dMask, cMask);
            var active = b.Active.index_select(0, idx);
            var count = active.sum().clamp_min(1);
            var logRatio = logp - b.OldLogProb.index_select(0, idx);
            var ratio = logRatio.exp();
            var weight = b.Advantage.index_select(0, idx);
            if (factor is not null) weight = weight * factor.index_select(0, idx);
            var surrogate = minimum(ratio * weight, ratio.clamp(1 - o.ClipRange, 1 + o.ClipRange) * weight);
            var policyLoss = -(surrogate * active).sum() / count;
            var entropy = (ent * active).sum() / count;
            var loss = policyLoss - o.EntropyCoef * entropy;
            _units[unit].Optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(actor.parameters(), o.MaxGradNorm);
            _units[unit].Optimizer.step();
            using (no_grad())
            {
                pSum += policyLoss.item<float>();
                hSum += entropy.item<float>();
                klSum += (((ratio - 1) - logRatio) * active).sum().item<float>() / count.item<float>();
                clipSum += (((ratio - 1).abs() > o.ClipRange).to(ScalarType.Float32) * active).sum().item<float>() / count.item<float>();
            }
        }
        int batches = (int)((rows + size - 1) / size);
        return (pSum / batches, hSum / batches, klSum / batches, clipSum / batches);
    }

    /// <summary>Values of every critic on the rollout, then <see cref="Gae"/>; returns are the λ-returns the critics regress.</summary>
    private (Tensor[] Advantages, Tensor[] Returns, Tensor[] Values) ComputeAdvantages()
    {
        using var noGrad = no_grad();
        var o = Options;
        int count = _critics.Length;
        var advs = new Tensor[count];
        var rets = new Tensor[count];
        var vals = new Tensor[count];
        var truncated = _truncated.to(ScalarType.Float32);
        for (int c = 0; c < count; c++)
        {
            Tensor values, final, rewards, trunc;
            if (_centralCritic)
            {
                values = _valueNorms[c].Denormalize(_critics[c].forward(_global.reshape((_T + 1) * _E, -1)).reshape(_T + 1, _E));
                final = _valueNorms[c].Denormalize(_critics[c].forward(_finalGlobal.reshape(_T * _E, -1)).reshape(_T, _E));
                rewards = _rewards[c];
                trunc = truncated;
            }
            else
            {
                // IPPO: per-agent values on the group's observations; the final observation of a truncated
                // episode is not kept per agent, so V(o_t) stands in for it (γ^5000 makes this immaterial).
                var roll = _rollouts[c];
                int n = roll.Agents;
                values = _valueNorms[c].Denormalize(_critics[c].forward(roll.Obs.reshape((_T + 1) * _E * n, -1)).reshape(_T + 1, _E * n));
                final = values[..(int)_T];
                rewards = _rewards[_groups[c].Group.RewardStream].repeat_interleave(n, 1);
                trunc = truncated.repeat_interleave(n, 1);
            }
            var (adv, ret) = Gae.Compute(rewards, values, final, trunc, o.Gamma, o.GaeLambda);
            advs[c] = adv.MoveToOuterDisposeScope();
            rets[c] = ret.MoveToOuterDisposeScope();
            vals[c] = values[..(int)_T].MoveToOuterDisposeScope();
        }
        return (advs, rets, vals);
    }

    /// <summary>Each critic: Epochs passes of ½(V − R̂)² on normalised targets (ValueNorm updated once per iteration).</summary>
    private (double Loss, double ExplainedVariance) CriticEpochs(Tensor[] returns, Tensor[] oldValues)
    {
        var o = Options;
        double lossSum = 0, explained = 0;
        int steps = 0;
        for (int c = 0; c < _critics.Length; c++)
        {
            var inputs = _centralCritic ? _global[..(int)_T].reshape(_T * _E, -1) : _rollouts[c].Obs[..(int)_T].reshape(-1, _groups[c].Group.ObservationSize);
            var target = returns[c].reshape(-1);
            var oldV = oldValues[c].reshape(-1);
            if (o.ValueNorm) _valueNorms[c].Update(target);
            var targetN = o.ValueNorm ? _valueNorms[c].Normalize(target) : target;
            var oldN = o.ValueNorm ? _valueNorms[c].Normalize(oldV) : oldV;
            long rows = inputs.shape[0];
            long size = (rows + o.Minibatches - 1) / o.Minibatches;
            for (int epoch = 0; epoch < o.Epochs; epoch++)
            {
                var perm = randperm(rows, generator: _generator, device: _bridge.TorchDevice);
                for (long start = 0; start < rows; start += size)
                {
                    using var scope = NewDisposeScope();
                    var idx = perm.slice(0, start, Math.Min(rows, start + size), 1);
                    var v = _critics[c].forward(inputs.index_select(0, idx));
                    var y = targetN.index_select(0, idx);
                    var loss = 0.5 * (v - y).pow(2);
                    if (o.ValueClip > 0)
                    {
                        var vOld = oldN.index_select(0, idx);
                        var clipped = vOld + (v - vOld).clamp(-o.ValueClip, o.ValueClip);
                        loss = maximum(loss, 0.5 * (clipped - y).pow(2));
                    }
                    var mean = loss.mean();
                    _criticOptimizers[c].zero_grad();
                    mean.backward();
                    nn.utils.clip_grad_norm_(_critics[c].parameters(), o.MaxGradNorm);
                    _criticOptimizers[c].step();
                    lossSum += mean.item<float>();
                    steps++;
                }
            }
            using (no_grad())
            {
                var varY = target.var().item<float>();
                var resid = (target - oldV).var().item<float>();
                explained += varY > 0 ? 1 - resid / varY : double.NaN;
            }
        }
        return (lossSum / Math.Max(1, steps), explained / _critics.Length);
    }

    #endregion

    /// <summary>Modules and optimizers by stable names, for checkpoints.</summary>
    public IReadOnlyDictionary<string, nn.Module> NamedModules =>
        _units.Select(u => (u.Name, (nn.Module)u.Actor))
            .Concat(_critics.Select((c, i) => ($"critic_{i}", (nn.Module)c))).ToDictionary(x => x.Item1, x => x.Item2);

    public IReadOnlyDictionary<string, optim.Optimizer> NamedOptimizers =>
        _units.Select(u => ($"opt_{u.Name}", (optim.Optimizer)u.Optimizer))
            .Concat(_criticOptimizers.Select((c, i) => ($"critic_opt_{i}", (optim.Optimizer)c))).ToDictionary(x => x.Item1, x => x.Item2);

    public void Dispose()
    {
        foreach (var u in _units) u.Actor.Dispose();
        foreach (var c in _critics) c.Dispose();
        foreach (var r in _rollouts)
            foreach (var t in new[] { r.Obs, r.Discrete, r.Continuous, r.Mask, r.RawDiscrete, r.RawContinuous, r.DiscreteEnv, r.ContinuousEnv }) t.Dispose();
        _global.Dispose(); _finalGlobal.Dispose(); _rewards.Dispose(); _truncated.Dispose();
        _generator.Dispose();
    }
}
