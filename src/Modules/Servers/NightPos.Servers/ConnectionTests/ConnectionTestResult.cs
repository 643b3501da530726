namespace NightPos.Servers.ConnectionTests;

/// <summary>
/// The answer of <c>POST /api/servers/{id}/test</c> (API.md): <see cref="Failure"/> is one of
/// <c>host_not_found</c>, <c>connection_refused</c>, <c>timeout</c>, <c>tls</c>,
/// <c>authentication</c>, <c>sender_refused</c>, or null.
/// </summary>
public sealed record ConnectionTestResult(
    bool Ok,
    string? Failure,
    string Message,
    string Sender,
    string Recipient);
