namespace NightPos.Servers.ConnectionTests;

/// <summary>The API's failure words (API.md, <c>POST /api/servers/{id}/test</c>).</summary>
public static class ConnectionFailures
{
    public static string Word(ConnectionFailure failure) => failure switch
    {
        ConnectionFailure.HostNotFound => "host_not_found",
        ConnectionFailure.ConnectionRefused => "connection_refused",
        ConnectionFailure.Timeout => "timeout",
        ConnectionFailure.Tls => "tls",
        ConnectionFailure.Authentication => "authentication",
        ConnectionFailure.SenderRefused => "sender_refused",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
