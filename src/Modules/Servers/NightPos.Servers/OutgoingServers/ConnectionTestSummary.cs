namespace NightPos.Servers.OutgoingServers;

/// <summary>The outcome of a server's last test connection (SPEC R9).</summary>
public sealed record ConnectionTestSummary(DateTimeOffset At, bool Ok, string? Failure);
