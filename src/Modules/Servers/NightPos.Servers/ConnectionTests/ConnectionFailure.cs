namespace NightPos.Servers.ConnectionTests;

/// <summary>
/// Why a test connection failed (SPEC R9), one word each in the API (<see cref="ConnectionFailures"/>).
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
