using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NightPos.Testing;
using Wolverine;

namespace NightPos.Reliability.Tests;

/// <summary>
/// A host whose default server is a <see cref="RawSmtpPeer"/>, with no outgoing server
/// configured, so that every message goes out there (rule <c>default-server</c>).
/// </summary>
public sealed class HygieneHost : IAsyncLifetime
{
    internal RawSmtpPeer Peer { get; private set; } = null!;

    public NightPosApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Peer = RawSmtpPeer.Start();
        App = await StartAsync(Peer.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Peer.DisposeAsync();
    }

    /// <summary>
    /// A host of its own, its default server on <paramref name="port"/>, its log lines also
    /// given to <paramref name="logs"/>.
    /// </summary>
    public static Task<NightPosApp> StartAsync(int port, ILoggerProvider? logs = null) =>
        NightPosApp.StartAsync(builder =>
        {
            builder.UseSetting("NightPos:DefaultServer:Host", "127.0.0.1");
            builder.UseSetting("NightPos:DefaultServer:Port", port.ToString());
            builder.UseSetting("NightPos:DefaultServer:Encryption", "none");
            builder.UseSetting("NightPos:Delivery:RetryDelays", "1s");
            builder.ConfigureServices(services =>
            {
                services.ConfigureWolverine(opts =>
                {
                    opts.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(200);
                    opts.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
                });
                if (logs is not null)
                {
                    services.AddSingleton(logs);
                }
            });
        });
}
