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

    /// <summary>How many email batches are handed to Dispatch at once.</summary>
    public int EmailParallelism { get; set; } = 4;

    /// <summary>The largest raw message <c>POST /api/inbound</c> accepts, in bytes.</summary>
    public int MaxInboundBytes { get; set; } = 25 * 1024 * 1024;
}
