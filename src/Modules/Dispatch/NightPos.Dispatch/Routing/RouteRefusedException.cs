namespace NightPos.Dispatch.Routing;

/// <summary>
/// The routing question cannot be answered as asked: an unknown company, an unknown or archived
/// forced server. <see cref="Field"/> names the request field to fix; <see cref="Status"/> is
/// the HTTP status the answer carries (400, 404).
/// </summary>
public sealed class RouteRefusedException(string field, int status, string detail)
    : Exception(detail)
{
    public string Field { get; } = field;

    public int Status { get; } = status;
}
