using MailKit.Net.Smtp;

namespace NightPos.Servers.ConnectionTests;

/// <summary>
/// MailKit's client with its raw command method opened up: a test connection stops after
/// RCPT TO, which the public API (whole messages only) cannot do.
/// </summary>
public sealed class ProbeSmtpClient : SmtpClient
{
    public Task<SmtpResponse> CommandAsync(string command, CancellationToken cancellation) =>
        SendCommandAsync(command, cancellation);
}
