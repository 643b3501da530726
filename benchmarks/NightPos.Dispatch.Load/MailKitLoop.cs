using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace NightPos.Dispatch.Load;

/// <summary>
/// The floor under any SMTP client: one MailKit connection to the sink, one message after the
/// other, nothing recorded anywhere.
/// </summary>
public static class MailKitLoop
{
    public static async Task<Measurement> RunAsync(LoadOptions options)
    {
        var messages = Enumerable.Range(0, options.Messages).Select(Sample.Create).ToList();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", options.SinkPort, SecureSocketOptions.None);

        var clock = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            await client.SendAsync(message);
        }

        var elapsed = clock.Elapsed;
        await client.DisconnectAsync(quit: true);
        return new Measurement("MailKit loop, one connection", options.Messages, elapsed);
    }
}
