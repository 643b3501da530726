namespace NightPos.Dispatch.Routing;

/// <summary>
/// Answers routing questions from the current configuration, or from the configuration as it
/// stood at a past instant (SPEC R16). Throws <see cref="RouteRefusedException"/> when the
/// request names what does not exist or cannot be used.
/// </summary>
public interface IRouter
{
    ValueTask<RouteDecision> RouteAsync(
        RouteRequest request,
        DateTimeOffset? at,
        CancellationToken cancellation);
}
