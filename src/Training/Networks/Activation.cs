namespace GpuTwin.Training.Networks;

/// <summary>Hidden-layer non-linearity. ReLU is the default for the wide dt-sync observations; Tanh is the
/// classic CleanRL/MAPPO choice for small MLPs and keeps activations bounded.</summary>
public enum Activation
{
    ReLU,
    Tanh,
}
