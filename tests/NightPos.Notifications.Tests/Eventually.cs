namespace NightPos.Notifications.Tests;

/// <summary>
/// Waits for work the host does in the background (a poll, a queued delivery) by asking again
/// until the condition holds or the deadline passes, instead of sleeping a fixed time.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(
        Func<Task<T>> probe,
        Func<T, bool> condition,
        TimeSpan? within = null,
        string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what ?? "the condition"}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
