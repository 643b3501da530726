namespace NightPos.Servers.Configuration;

/// <summary>
/// The revision marker of the Servers configuration: its <see cref="Revision"/> is replaced in
/// the same transaction as every configuration change, so that readers can tell cheaply whether
/// the copy they hold is still current.
/// </summary>
public sealed class ServersRevision
{
    public const string MarkerId = "servers";

    public string Id { get; set; } = MarkerId;

    public Guid Revision { get; set; }
}
