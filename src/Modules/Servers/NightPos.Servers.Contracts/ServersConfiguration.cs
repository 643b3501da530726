namespace NightPos.Servers.Contracts;

/// <summary>
/// Asks the Servers module for every outgoing server and the mass-mailing setting: as they
/// stand when <see cref="At"/> is null, or as they stood at that instant (SPEC R16). Invoked
/// in-process; answered from committed data. The answer never carries a secret.
/// </summary>
public sealed record GetServersConfiguration(DateTimeOffset? At = null);

/// <summary>
/// Asks for <see cref="ServersConfiguration.Revision"/> alone, answered with a <see cref="Guid"/>.
/// </summary>
public sealed record GetServersConfigurationRevision;

/// <param name="Servers">Every server not deleted, archived ones included, in creation order.</param>
/// <param name="DedicatedMassMailingServerId">The mass-mailing dedicated server (SPEC R6), if set.</param>
/// <param name="Revision">
/// Changes with every committed change; equal revisions mean the same configuration.
/// </param>
public sealed record ServersConfiguration(
    IReadOnlyList<OutgoingServerInfo> Servers,
    Guid? DedicatedMassMailingServerId,
    Guid Revision);

/// <summary>
/// An outgoing mail server without its secrets. <see cref="FromFilter"/> is the normalised
/// filter (see <c>NightPos.Kernel.Mail.FromFilter</c>), empty when the server has none.
/// <see cref="CreationOrder"/> breaks the last tie of SPEC R5's ordering: lower was created first.
/// <see cref="AcceptInvalidCertificate"/>: the administrator chose to accept this server's TLS
/// certificate even when it fails validation (ADR 0019); it is only ever true with encryption
/// <c>starttls</c> or <c>ssl</c> and never for a <c>cli</c> server, and it never allows plain
/// text. Receivers that connect must still negotiate TLS and should log each such connection.
/// </summary>
public sealed record OutgoingServerInfo(
    Guid Id,
    string Name,
    string Host,
    int Port,
    ServerEncryption Encryption,
    ServerAuthentication Authentication,
    string? Username,
    bool HasPassword,
    bool HasCertificate,
    string FromFilter,
    int Priority,
    bool Active,
    DateTimeOffset CreatedAt,
    long CreationOrder,
    bool AcceptInvalidCertificate = false);

/// <summary>How the connection is secured. JSON: <c>none</c>, <c>starttls</c>, <c>ssl</c>.</summary>
public enum ServerEncryption
{
    None,
    Starttls,
    Ssl,
}

/// <summary>
/// How the server is authenticated to. JSON: <c>login</c>, <c>certificate</c>, <c>cli</c> (the
/// default server of the installation's configuration, SPEC R7).
/// </summary>
public enum ServerAuthentication
{
    Login,
    Certificate,
    Cli,
}
