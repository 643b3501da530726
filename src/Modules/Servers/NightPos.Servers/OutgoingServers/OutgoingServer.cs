using JasperFx.Events;
using NightPos.Servers.Contracts;
using NightPos.Servers.Secrets;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// The current state of one outgoing server, kept by an inline snapshot of its stream and folded
/// by the same methods when the configuration is rebuilt at a past instant (SPEC R16).
/// <see cref="CreationOrder"/> is stable, and the last tie-breaker of SPEC R5's ordering.
/// </summary>
public sealed record OutgoingServer(
    Guid Id,
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
    DateTimeOffset CreatedAt,
    long CreationOrder,
    ConnectionTestSummary? LastTest,
    bool AcceptInvalidCertificate = false)
{
    // PostgreSQL keeps microseconds: the inline snapshot sees the event's time before it is
    // stored, a rebuild after, and both must say the same.
    public static OutgoingServer Create(IEvent<OutgoingServerAdded> e) =>
        From(e.Data, e.Timestamp.AddTicks(-(e.Timestamp.Ticks % TimeSpan.TicksPerMicrosecond)));

    public static OutgoingServer From(OutgoingServerAdded e, DateTimeOffset at) =>
        new(
            e.ServerId,
            e.Name,
            e.Host,
            e.Port,
            e.Encryption,
            e.Authentication,
            e.Username,
            e.FromFilter,
            e.Priority,
            e.Active,
            e.Secret,
            at,
            e.CreationOrder,
            LastTest: null,
            e.AcceptInvalidCertificate);

    public OutgoingServer Apply(ServerRenamed e) => this with { Name = e.Name };

    public OutgoingServer Apply(ServerPrioritized e) => this with { Priority = e.Priority };

    public OutgoingServer Apply(ServerFromFilterChanged e) =>
        this with { FromFilter = e.FromFilter };

    public OutgoingServer Apply(ServerConnectionChanged e) =>
        this with
        {
            Host = e.Host,
            Port = e.Port,
            Encryption = e.Encryption,
            Authentication = e.Authentication,
            Username = e.Username,
        };

    public OutgoingServer Apply(ServerCertificateCheckChanged e) =>
        this with { AcceptInvalidCertificate = e.AcceptInvalidCertificate };

    public OutgoingServer Apply(ServerCredentialsRotated e) => this with { Secret = e.Secret };

    public OutgoingServer Apply(ServerArchived e) => this with { Active = false };

    public OutgoingServer Apply(ServerReactivated e) => this with { Active = true };

    public OutgoingServer Apply(IEvent<ServerConnectionTested> e) =>
        this with { LastTest = new ConnectionTestSummary(e.Timestamp, e.Data.Ok, e.Data.Failure) };

    public bool ShouldDelete(ServerDeleted e) => true;
}
