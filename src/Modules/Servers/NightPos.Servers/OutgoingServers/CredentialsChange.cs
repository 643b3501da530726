using NightPos.Servers.Contracts;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// What a request does to a server's stored credentials: keeps them, removes them, or replaces
/// them with <see cref="Replacement"/>. <see cref="ToString"/> never prints a secret.
/// </summary>
public sealed record CredentialsChange(ServerSecrets? Replacement, bool Removes)
{
    public static readonly CredentialsChange Keep = new(null, false);

    public static readonly CredentialsChange Remove = new(null, true);

    public static CredentialsChange Replace(ServerSecrets secrets) => new(secrets, false);

    public override string ToString() =>
        Replacement is not null ? "Replace" : Removes ? "Remove" : "Keep";
}
