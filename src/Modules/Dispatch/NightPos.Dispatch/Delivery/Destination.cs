using NightPos.Dispatch.Messages;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Where an attempt goes (<see cref="Target"/>), the route recorded again on the way when the
/// message's server had gone (<see cref="Rerouted"/>), or the decision that ends the message
/// when no server may carry it (<see cref="Refused"/>, with a null target).
/// </summary>
public sealed record Destination(
    SmtpTarget? Target,
    MessageRouted? Rerouted,
    DeliveryDecision? Refused);
