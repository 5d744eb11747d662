namespace OrleansEvents.Runtime.Activation;

/// <summary>The life stages of an activation; it only moves forward.</summary>
internal enum ActivationState
{
    Created,
    Activating,
    Active,
    Deactivating,
    Deactivated,
}
