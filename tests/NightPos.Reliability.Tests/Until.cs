namespace NightPos.Reliability.Tests;

/// <summary>Polling on a condition with a bounded deadline, instead of sleeping.</summary>
internal static class Until
{
    public static async Task TrueAsync(
        Func<bool> condition,
        string what,
        int seconds,
        Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"Timed out after {seconds} s waiting for {what}. {state?.Invoke()}");
            await Task.Delay(100);
        }
    }
}
