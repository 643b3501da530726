namespace NightPos.Notifications.Threads;

/// <summary>
/// How a follower is told of a post: by a notification email, or by an entry in their inbox.
/// Also a user's preference. JSON: <c>email</c>, <c>inbox</c>.
/// </summary>
public enum NotificationChannel
{
    Email,
    Inbox,
}
