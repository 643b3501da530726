namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// The fields of an outgoing server as a request carries them (API.md): raw, each null when the
/// request leaves it out. Words and numbers are parsed by <see cref="ServerRules"/>, so that a bad
/// one is answered naming its field.
/// </summary>
public interface IServerFields
{
    string? Name { get; }

    string? Host { get; }

    long? Port { get; }

    string? Encryption { get; }

    string? Authentication { get; }

    string? Username { get; }

    string? Password { get; }

    string? Certificate { get; }

    string? PrivateKey { get; }

    string? FromFilter { get; }

    int? Priority { get; }

    bool? Active { get; }

    bool? AcceptInvalidCertificate { get; }
}
