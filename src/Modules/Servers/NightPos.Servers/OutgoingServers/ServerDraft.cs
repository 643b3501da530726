using NightPos.Kernel.Mail;
using NightPos.Servers.Contracts;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// A server's settings as a request would leave them, every rule checked (SPEC R7, R8), and what
/// happens to its credentials. <see cref="AcceptInvalidCertificate"/> is only ever true on a TLS
/// connection of the server's own (ADR 0019).
/// </summary>
public sealed record ServerDraft(
    string Name,
    string? Host,
    int? Port,
    ServerEncryption? Encryption,
    ServerAuthentication Authentication,
    string? Username,
    FromFilter Filter,
    int Priority,
    bool Active,
    CredentialsChange Credentials,
    bool AcceptInvalidCertificate);
