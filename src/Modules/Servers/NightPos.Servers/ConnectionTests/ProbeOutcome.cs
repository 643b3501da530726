namespace NightPos.Servers.ConnectionTests;

/// <summary>
/// The outcome of a test connection: success, or one failure, with a message a person can act
/// on. <see cref="Failure"/> is null exactly when <see cref="Ok"/> is true, or when the server
/// failed in a way none of the API's words describes.
/// </summary>
public sealed record ProbeOutcome(bool Ok, ConnectionFailure? Failure, string Message)
{
    public static ProbeOutcome Failed(ConnectionFailure? failure, string message) =>
        new(false, failure, message);
}
