namespace NightPos.Servers.OutgoingServers;

/// <summary>The outcome of a server's last test connection (SPEC R9), as its document keeps it.</summary>
public sealed record ConnectionTestSummary(DateTimeOffset At, bool Ok, string? Failure);
