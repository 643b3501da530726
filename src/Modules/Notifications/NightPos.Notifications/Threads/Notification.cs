namespace NightPos.Notifications.Threads;

/// <summary>One follower to be told of one post, and how.</summary>
public sealed record Notification(string Email, string Name, NotificationChannel Channel);
