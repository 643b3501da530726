
namespace NightPos.Servers.MassMailing;

// The events of the mass-mailing settings stream, a single stream (MassMailingSettings.StreamId).

/// <summary>
/// The dedicated server of mass mail was chosen (SPEC R6); null: mass mail follows SPEC R5.
/// </summary>
public sealed record DedicatedMassMailingServerSelected(Guid? ServerId) : IServersEvent;
