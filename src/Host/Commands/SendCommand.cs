using JasperFx.CommandLine;
using Marten;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Messages;
using Wolverine;

namespace NightPos.Host.Commands;

public sealed class SendInput : MessageInput
{
    [Description("Recipients, one or more addresses")]
    public IEnumerable<string> ToFlag { get; set; } = [];

    [Description("The subject; \"NightPOS Mail test message\" when left out")]
    public string? SubjectFlag { get; set; }

    [Description("The plain-text body; a line saying this is a test when left out")]
    public string? TextFlag { get; set; }

    [Description("Seconds to wait for the outcome (default 60); 0 queues and returns at once")]
    public int? WaitFlag { get; set; }
}

/// <summary>
/// <c>send</c>: a test message through the same <see cref="SendMessage"/> command ERP modules
/// invoke, then its progress until the SMTP server answered or the wait ran out. A message
/// still queued when the command ends is not lost: another node, or the next start, delivers
/// it (SPEC R11).
/// </summary>
[Description("Send a test message and follow it until it is sent or failed", Name = "send")]
public sealed class SendCommand : HostedCommand<SendInput>
{
    private const int DefaultWaitSeconds = 60;

    protected override string? Check(SendInput input)
    {
        if (!input.ToFlag.Any())
        {
            return "--to is missing: name at least one recipient, e.g. --to ann@example.com.";
        }

        var wait = input.WaitFlag is < 0 or > 3600
            ? $"--wait {input.WaitFlag} is not between 0 and 3600 seconds."
            : null;
        return CommandArguments.First(input.CheckMessageFlags(), wait);
    }

    protected override async Task<bool> RunAsync(
        SendInput input,
        IServiceProvider services,
        TextWriter output,
        CancellationToken cancellation)
    {
        MessageAccepted accepted;
        try
        {
            accepted = await services.GetRequiredService<IMessageBus>()
                .InvokeAsync<MessageAccepted>(Command(input), cancellation);
        }
        catch (MessageRefusedException refused)
        {
            await Console.Error.WriteLineAsync(
                $"--{CommandArguments.FlagFor(refused.Field)}: {refused.Message}");
            return false;
        }

        await output.WriteLineAsync($"queued   {accepted.Id} {accepted.MessageId}");
        var wait = TimeSpan.FromSeconds(input.WaitFlag ?? DefaultWaitSeconds);
        return wait == TimeSpan.Zero
            || await FollowAsync(accepted.Id, wait, services, output, cancellation);
    }

    /// <summary>
    /// Prints each new state of the message, read as <c>GET /api/messages/{id}</c> reads it,
    /// until it is settled or <paramref name="wait"/> is over.
    /// </summary>
    private static async Task<bool> FollowAsync(
        Guid id,
        TimeSpan wait,
        IServiceProvider services,
        TextWriter output,
        CancellationToken cancellation)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var deadline = clock.GetUtcNow() + wait;
        string? shown = null;
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250), clock);
        do
        {
            await using var session = store.QuerySession();
            var message = await session.LoadAsync<Message>(id, cancellation);
            if (message is null)
            {
                continue;
            }

            var status = MessageStatus.From(message);
            var line = Describe(status);
            if (line != shown)
            {
                await output.WriteLineAsync(line);
                shown = line;
            }

            if (status.State is MessageState.Sent)
            {
                return true;
            }

            if (status.State is MessageState.Failed or MessageState.Bounced)
            {
                return false;
            }
        }
        while (clock.GetUtcNow() < deadline && await poll.WaitForNextTickAsync(cancellation));

        await Console.Error.WriteLineAsync($"The message is not delivered after {wait.TotalSeconds}"
            + " s; it stays queued and is delivered by a running node. Follow it with "
            + $"GET /api/messages/{id}.");
        return false;
    }

    private static string Describe(MessageStatus status)
    {
        var state = CommandArguments.Kebab(status.State);
        return status.State switch
        {
            MessageState.Queued => $"{state,-8} routed to {status.ServerName}",
            MessageState.Sent => $"{state,-8} by {status.ServerName} from {status.HeaderFrom}, "
                + $"envelope {status.EnvelopeFrom}, after {status.Attempts} attempts",
            MessageState.Deferred => $"{state,-8} after {status.Attempts} attempts; next at "
                + $"{status.NextAttemptAt:O}",
            _ => $"{state,-8} {status.FailureType} after {status.Attempts} attempts",
        };
    }

    private static SendMessage Command(SendInput input)
    {
        var (company, server, kind) = input.MessageFlags();
        return new SendMessage
        {
            CompanyId = company,
            From = input.FromFlag,
            To = input.ToFlag.ToList(),
            Subject = input.SubjectFlag ?? "NightPOS Mail test message",
            Text = input.TextFlag
                ?? "A test message sent with the send command of NightPOS Mail.",
            Kind = kind,
            ServerId = server,
        };
    }
}
