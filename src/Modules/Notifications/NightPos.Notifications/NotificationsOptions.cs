namespace NightPos.Notifications;

/// <summary>Tuning of the Notifications module, from <c>NightPos:Notifications</c>.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "NightPos:Notifications";

    /// <summary>
    /// How many notification emails one outbox message hands to Dispatch: larger batches cost
    /// fewer commits per email, smaller ones redo less after a crash (ADR 0013).
    /// </summary>
    public int EmailBatchSize { get; set; } = 100;
}
