using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Runtime.Agents;

namespace NightPos.Notifications.Imap;

/// <summary>
/// Polls the catchall mailbox (SPEC R14) on the one node Wolverine's leader assigns it to:
/// several processes against one database never fetch the same mailbox at once, and when the
/// node running it dies the leader starts it on another (SPEC R18, ADR 0013).
/// </summary>
public sealed class CatchallMailboxAgent(
    IOptions<ImapOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider clock) : SingularAgent(Scheme)
{
    public new const string Scheme = "nightpos-catchall-mailbox";

    private CancellationTokenSource? _stopping;
    private Task? _polling;

    protected override Task startAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _polling = PollAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    protected override async Task stopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || _polling is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _polling.WaitAsync(cancellationToken)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    // One poll at a time: the next waits for the last to finish, then for the interval.
    private async Task PollAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
                await bus.InvokeAsync(new PollCatchallMailbox(), stopping)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await Task.Delay(options.Value.Interval, clock, stopping)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
