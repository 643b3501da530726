namespace NightPos.Servers.Configuration;

/// <summary>
/// The one marker document of the module: its <see cref="Revision"/> is replaced in the same
/// transaction as every change of servers or of the mass-mailing setting (ADR 0006), so that
/// readers can tell cheaply whether the copy they hold is still current.
/// </summary>
public sealed record ServersRevision(string Id, Guid Revision)
{
    public const string Key = "servers";
}
