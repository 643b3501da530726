namespace NightPos.Domains.Bootstrap;

/// <summary>What one host's bootstrap found or did (ADR 0007).</summary>
internal enum BootstrapOutcome
{
    /// <summary>This host appended the defaults.</summary>
    Created,

    /// <summary>The defaults were there before this host looked.</summary>
    AlreadyPresent,

    /// <summary>Another host appended them between this host's check and its commit.</summary>
    CreatedElsewhere,
}
