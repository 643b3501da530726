using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;
using Wolverine;

namespace NightPos.Dispatch.Tests.Hosting;

/// <summary>
/// A NightPOS host whose default server is a scriptable SMTP server on loopback, retrying after
/// one second so that retries show within a test. Shared by the assembly; tests that need a
/// clock or limits of their own start a host of their own with <see cref="StartAsync"/>.
/// </summary>
public sealed class DispatchHost : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; private set; } = null!;

    public NightPosApp App { get; private set; } = null!;

    /// <summary>
    /// A host of its own: on a new database, or on <paramref name="database"/> as one more
    /// process of an installation (not <paramref name="solo"/>: Wolverine elects a leader).
    /// </summary>
    public static async Task<DispatchHost> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null,
        TimeProvider? clock = null,
        string? database = null,
        bool solo = true)
    {
        var host = new DispatchHost();
        await host.StartCoreAsync(settings, clock, database, solo);
        return host;
    }

    public ValueTask InitializeAsync() => new(StartCoreAsync(null, null, null, solo: true));

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private async Task StartCoreAsync(
        IReadOnlyDictionary<string, string>? settings,
        TimeProvider? clock,
        string? database,
        bool solo)
    {
        Smtp = await TestSmtpServer.StartAsync();
        App = database is null
            ? await NightPosApp.StartAsync(Configure)
            : await NightPosApp.StartOnAsync(database, Configure, solo);

        void Configure(IWebHostBuilder builder)
        {
            var all = new Dictionary<string, string>
            {
                ["NightPos:DefaultServer:Host"] = "127.0.0.1",
                ["NightPos:DefaultServer:Port"] = Smtp.Port.ToString(),
                ["NightPos:DefaultServer:Encryption"] = "none",
                ["NightPos:Delivery:RetryDelays"] = "1s",
                ["NightPos:Delivery:CommandTimeout"] = "10s",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                all[key] = value;
            }

            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                // Scheduled retries are polled; the default of 5 s would dominate every test.
                services.ConfigureWolverine(opts =>
                {
                    opts.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(200);
                    opts.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
                });
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }
            });
        }
    }
}
