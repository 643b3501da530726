namespace NightPos.Servers.ConnectionTests;

/// <summary>
/// Why a test connection failed (SPEC R9); <see cref="ConnectionFailures"/> gives each its word
/// in the API.
/// </summary>
public enum ConnectionFailure
{
    HostNotFound,
    ConnectionRefused,
    Timeout,
    Tls,
    Authentication,
    SenderRefused,
}
