using NightPos.Servers.Contracts;
using NightPos.Servers.Secrets;

namespace NightPos.Servers.OutgoingServers;

// The events of one outgoing server's stream (the stream id is the server id). Credentials appear
// only as a SecretReference (SPEC R17, ADR 0008). A cli server's Host, Port and Encryption are
// null: they come from the installation's NightPos:DefaultServer settings (SPEC R7).

/// <summary>
/// A server was configured; <see cref="FromFilter"/> is normalised, empty for none, and
/// <see cref="CreationOrder"/> numbers it among all servers ever created.
/// <see cref="AcceptInvalidCertificate"/> came later (ADR 0019): events stored before it read
/// as false, the validation they were configured with.
/// </summary>
public sealed record OutgoingServerAdded(
    Guid ServerId,
    string Name,
    string? Host,
    int? Port,
    ServerEncryption? Encryption,
    ServerAuthentication Authentication,
    string? Username,
    string FromFilter,
    int Priority,
    bool Active,
    SecretReference? Secret,
    long CreationOrder,
    bool AcceptInvalidCertificate = false) : IServersEvent;

public sealed record ServerRenamed(Guid ServerId, string Name) : IServersEvent;

/// <summary>The priority changed; the lower value is preferred (SPEC R5).</summary>
public sealed record ServerPrioritized(Guid ServerId, int Priority) : IServersEvent;

public sealed record ServerFromFilterChanged(Guid ServerId, string FromFilter)
    : IServersEvent;

/// <summary>How the server is reached and authenticated to, all of it as it now stands.</summary>
public sealed record ServerConnectionChanged(
    Guid ServerId,
    string? Host,
    int? Port,
    ServerEncryption? Encryption,
    ServerAuthentication Authentication,
    string? Username) : IServersEvent;

/// <summary>
/// The server's TLS certificate is accepted even when it fails validation (true), or validated
/// again (false); TLS itself stays required either way (ADR 0019).
/// </summary>
public sealed record ServerCertificateCheckChanged(Guid ServerId, bool AcceptInvalidCertificate)
    : IServersEvent;

/// <summary>
/// New credentials replaced the old ones, whose data key is destroyed; null: none are left.
/// </summary>
public sealed record ServerCredentialsRotated(Guid ServerId, SecretReference? Secret)
    : IServersEvent;

/// <summary>The server no longer carries mail and cannot be forced (SPEC R5, R6).</summary>
public sealed record ServerArchived(Guid ServerId) : IServersEvent;

public sealed record ServerReactivated(Guid ServerId) : IServersEvent;

/// <summary>The server is gone, and its data key with it: its secret is unrecoverable.</summary>
public sealed record ServerDeleted(Guid ServerId) : IServersEvent;

/// <summary>
/// An administrator tested the connection (SPEC R9). Not a configuration change: it leaves the
/// configuration and its revision as they were. <see cref="Failure"/> uses the API's words.
/// </summary>
public sealed record ServerConnectionTested(
    Guid ServerId,
    bool Ok,
    string? Failure,
    string Message,
    string? Sender,
    string? Recipient);
