using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NightPos.Domains.Bootstrap;

/// <summary>
/// Gives a new database its R1 defaults exactly once, however many hosts start on it at the
/// same time (ADR 0007). Runs while the host starts, so nothing is served before it is done.
/// </summary>
internal sealed class DomainsBootstrap(
    IDocumentStore store,
    IOptions<DomainsOptions> options,
    ILogger<DomainsBootstrap> logger) : IHostedService
{
    /// <summary>The actor recorded on the defaults: no key asked for them.</summary>
    public const string Actor = "system";

    public Task StartAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<BootstrapOutcome> RunAsync(CancellationToken cancellation)
    {
        await using (var session = store.QuerySession())
        {
            // The cheap path of every start but the first; correctness does not rest on it.
            var state = await session.Events.FetchStreamStateAsync(
                StreamIds.DefaultAliasDomain, cancellation);
            if (state is not null)
            {
                DomainsLog.DefaultsPresent(logger);
                return BootstrapOutcome.AlreadyPresent;
            }
        }

        return await AppendDefaultsAsync(cancellation);
    }

    /// <summary>
    /// Starts the default streams in one transaction. A host that loses the race fails on the
    /// first stream id the winner committed, so its transaction appends nothing at all.
    /// </summary>
    public async Task<BootstrapOutcome> AppendDefaultsAsync(CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = Actor;
        foreach (var (streamId, type, change) in DefaultConfiguration.Events(options.Value))
        {
            session.Events.StartStream(type, streamId, change);
        }

        try
        {
            await session.SaveChangesAsync(cancellation);
            DomainsLog.DefaultsCreated(logger, options.Value.DatabaseDomain);
            return BootstrapOutcome.Created;
        }
        catch (ExistingStreamIdCollisionException)
        {
            DomainsLog.DefaultsCreatedElsewhere(logger);
            return BootstrapOutcome.CreatedElsewhere;
        }
    }
}
