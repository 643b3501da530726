using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace NightPos.Dispatch.Load;

/// <summary>
/// Postfix from Debian as a relay: the messages are handed to its SMTP server on as many
/// connections as the host gets HTTP clients, and the run ends when its fsync'd queue has
/// delivered every one of them to the sink.
/// </summary>
public static class PostfixRelay
{
    private static readonly string[] QueueFolders =
        ["maildrop", "incoming", "active", "deferred", "hold"];

    public static async Task<Measurement> RunAsync(LoadOptions options)
    {
        var messages = Enumerable.Range(0, options.Messages).Select(Sample.Create).ToList();
        var next = -1;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Senders).Select(async _ =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", options.PostfixPort, SecureSocketOptions.None);
            for (var i = Interlocked.Increment(ref next); i < messages.Count;
                i = Interlocked.Increment(ref next))
            {
                await client.SendAsync(messages[i]);
            }

            await client.DisconnectAsync(quit: true);
        }));

        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (Queued(options.PostfixQueue, "deferred") == 0 && Queued(options.PostfixQueue) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Postfix did not empty its queue in 10 minutes.");
            }

            await Task.Delay(20);
        }

        var elapsed = clock.Elapsed;
        if (Queued(options.PostfixQueue, "deferred") > 0)
        {
            throw new InvalidOperationException(
                "Postfix deferred messages: see its maillog beside the queue.");
        }

        return new Measurement("Postfix relaying through its queue", options.Messages, elapsed);
    }

    private static int Queued(string queue, params string[] folders) =>
        (folders.Length == 0 ? QueueFolders : folders)
            .Select(folder => Path.Combine(queue, folder))
            .Where(Directory.Exists)
            .Sum(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Count());
}
