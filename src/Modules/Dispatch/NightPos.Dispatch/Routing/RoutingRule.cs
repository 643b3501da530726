namespace NightPos.Dispatch.Routing;

/// <summary>
/// The step of SPEC R5-R7 that chose the server, as API.md names it (JSON in kebab case, e.g.
/// <c>notification-address</c>).
/// </summary>
public enum RoutingRule
{
    Address,
    Domain,
    NotificationAddress,
    NotificationDomain,
    NoFilter,
    FirstServer,
    DefaultServer,
    Dedicated,
    Explicit,
}
