namespace NightPos.Servers.MassMailing;

/// <summary>
/// The mass-mailing settings (SPEC R6), kept by an inline snapshot of their one stream. Before
/// any choice there is no document, which reads as no dedicated server.
/// </summary>
public sealed record MassMailingSettings(Guid Id, Guid? DedicatedServerId)
{
    /// <summary>The id of the one settings stream of an installation.</summary>
    public static readonly Guid StreamId = new("6d0a8f1e-3c57-4b2a-9e61-5f4c2d7b8a90");

    public static MassMailingSettings Create(DedicatedMassMailingServerSelected e) =>
        new(StreamId, e.ServerId);

    public MassMailingSettings Apply(DedicatedMassMailingServerSelected e) =>
        this with { DedicatedServerId = e.ServerId };
}
