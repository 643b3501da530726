namespace NightPos.Notifications.Threads;

/// <summary>Where a post came from. JSON: <c>api</c>, <c>email</c>.</summary>
public enum PostOrigin
{
    Api,
    Email,
}
