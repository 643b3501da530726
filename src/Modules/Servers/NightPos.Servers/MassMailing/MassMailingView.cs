namespace NightPos.Servers.MassMailing;

/// <summary>The mass-mailing settings as the API answers them.</summary>
public sealed record MassMailingView(Guid? DedicatedServerId);
