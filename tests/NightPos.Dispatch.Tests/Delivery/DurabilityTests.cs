using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// An accepted message outlives the process that accepted it, and processes sharing one
/// database share the work without sending a message twice (SPEC R11, R18).
/// </summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Messages_waiting_in_a_host_that_stopped_are_delivered_by_the_next_one()
    {
        var database = await TestPostgres.CreateDatabaseAsync("dispatch_restart");
        try
        {
            // Nothing listens on the default server's port until the first host is gone.
            var port = Loopback.FreePort();
            var settings = new Dictionary<string, string>
            {
                ["NightPos:DefaultServer:Port"] = port.ToString(),
            };
            var sent = new List<(Guid Id, string MessageId)>();
            await using (var first = await DispatchHost.StartAsync(settings, database: database))
            {
                for (var i = 0; i < 10; i++)
                {
                    var to = new[] { $"r{i}@example.com" };
                    sent.Add(await first.App.Host.SendAsync(new { to }));
                }

                foreach (var (id, _) in sent)
                {
                    await first.App.Host.WaitForStateAsync(id, "deferred");
                }
            }

            await using var server = await TestSmtpServer.StartOnAsync(port);
            await using var second = await DispatchHost.StartAsync(settings, database: database);
            foreach (var (id, _) in sent)
            {
                await second.App.Host.WaitForStateAsync(id, "sent");
            }

            Assert.Equal(
                sent.Select(s => s.MessageId).Order(),
                server.Received.Select(m => $"<{m.Parse().MessageId}>").Order());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_database_deliver_every_message_exactly_once()
    {
        var database = await TestPostgres.CreateDatabaseAsync("dispatch_two_hosts");
        try
        {
            await using var server = await TestSmtpServer.StartAsync();
            var settings = new Dictionary<string, string>
            {
                ["NightPos:DefaultServer:Port"] = server.Port.ToString(),
            };
            await using var one =
                await DispatchHost.StartAsync(settings, database: database, solo: false);
            await using var two =
                await DispatchHost.StartAsync(settings, database: database, solo: false);

            // Every other message is refused once, so that retries, scheduled by whichever host
            // handled the first attempt, are part of the run.
            var sent = new List<(Guid Id, string MessageId)>();
            for (var i = 0; i < 40; i++)
            {
                var domain = Recorded.NewDomain();
                var refuseOnce = i % 2 == 0;
                server.Script(domain, data: n => n == 1 && refuseOnce
                    ? TestSmtpServer.Reply(451, "4.3.0 Later")
                    : null);
                var host = i % 2 == 0 ? one : two;
                sent.Add(await host.App.Host.SendAsync(new { to = new[] { $"bob@{domain}" } }));
            }

            foreach (var (id, _) in sent)
            {
                await one.App.Host.WaitForStateAsync(id, "sent", seconds: 60);
            }

            var received = server.Received.Select(m => $"<{m.Parse().MessageId}>").ToList();
            Assert.Equal(sent.Select(s => s.MessageId).Order(), received.Order());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
