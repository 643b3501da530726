using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace NightPos.Host.Commands;

/// <summary>
/// An operator's command (docs/operations.md, "Command line") that runs inside the host against
/// the configured database: it checks its arguments first, then starts the host as one more
/// node of the installation (SPEC R18), so that it goes through the same Wolverine handlers,
/// Marten sessions and validation as the HTTP API, and stops it when done. Answers go to
/// standard output; the host's own log lines go to standard error, warnings and worse only.
/// </summary>
public abstract class HostedCommand<TInput> : JasperFxAsyncCommand<TInput>
    where TInput : NetCoreInput
{
    public override async Task<bool> Execute(TInput input)
    {
        if (Check(input) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return false;
        }

        var host = input.BuildHost();
        var started = false;
        try
        {
            QuietLogs(host.Services);
            ListenOnLoopbackOnly(host.Services);
            if (StartsHost)
            {
                await host.StartAsync();
                started = true;
            }

            await using var scope = host.Services.CreateAsyncScope();
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            return await RunAsync(input, scope.ServiceProvider, Console.Out, stop.Token);
        }
        finally
        {
            if (started)
            {
                await host.StopAsync();
            }

            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }

    /// <summary>
    /// False for a command that only needs the database and the host's services: the host is
    /// built but never started, so it joins no cluster and runs no background work.
    /// </summary>
    protected virtual bool StartsHost => true;

    /// <summary>
    /// What is wrong with the arguments, as a sentence that says how to fix it, or null.
    /// Runs before the host starts, so a mistyped command touches nothing.
    /// </summary>
    protected virtual string? Check(TInput input) => null;

    /// <summary>Does the work; false when it did not succeed (exit code 1).</summary>
    protected abstract Task<bool> RunAsync(
        TInput input,
        IServiceProvider services,
        TextWriter output,
        CancellationToken cancellation);

    private static void QuietLogs(IServiceProvider services)
    {
        // The host is built before any command runs, so its logging can only be narrowed in
        // place: loggers created from here on start at Warning, and every line, whenever its
        // logger was made, goes to standard error, leaving standard output to the answer.
        var filters = services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>();
        filters.CurrentValue.Rules.Add(new LoggerFilterRule(null, null, LogLevel.Warning, null));
        var console = services.GetService<IOptionsMonitor<ConsoleLoggerOptions>>();
        if (console is not null)
        {
            console.CurrentValue.LogToStandardErrorThreshold = LogLevel.Trace;
        }
    }

    private static void ListenOnLoopbackOnly(IServiceProvider services)
    {
        // A command is no web server: it must not take the port of the node beside it, so
        // Kestrel gets a free loopback port whatever ASPNETCORE_URLS says.
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>();
        if (addresses is { Addresses: { IsReadOnly: false, Count: 0 } list })
        {
            list.Add("http://127.0.0.1:0");
        }
    }
}
