namespace NightPos.Dispatch.Routing;

/// <summary>The <c>NightPos:Routing</c> section: how current the routing table is kept.</summary>
public sealed class RoutingOptions
{
    public const string Section = "NightPos:Routing";

    /// <summary>
    /// How long the table is used without asking the configuration's revisions, while no
    /// configuration change committed in this process (ADR 0020). A change committed by another
    /// process sharing the database is used here at most this long after it. Zero asks before
    /// every decision, as ADR 0010 first did.
    /// </summary>
    public TimeSpan RevisionCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
