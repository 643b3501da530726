using Microsoft.Extensions.DependencyInjection;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;
using Npgsql;
using Wolverine;

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
    public async Task A_copy_of_a_delivery_handled_during_its_attempt_waits_and_sends_nothing()
    {
        await using var host = await DispatchHost.StartAsync();
        var domain = Recorded.NewDomain();
        using var inData = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var received = host.Smtp.Script(domain, data: _ =>
        {
            // The first attempt stays inside DATA until the copy has been handed over.
            inData.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return null;
        });

        var (id, _) = await host.App.Host.SendAsync(new { to = new[] { $"bob@{domain}" } });
        bool blocked;
        try
        {
            Assert.True(
                inData.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken),
                "The first attempt never sent DATA.");

            // What a recovered inbox or a second process hands over during the attempt.
            await using (var scope = host.App.Host.Services.CreateAsyncScope())
            {
                var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
                await bus.PublishAsync(new DeliverMessage(id));
            }

            blocked = await WaitForLockWaiterOrSecondCopyAsync(host, () => received().Count);
        }
        finally
        {
            release.Set();
        }

        await host.App.Host.WaitForStateAsync(id, "sent");
        await WaitUntilDeliveriesHandledAsync(host);
        Assert.True(blocked, "The copy did not wait for the attempt's claim on the message.");
        Assert.Single(received());
        var message = await host.App.Host.GetMessageAsync(id);
        Assert.Equal(1, message.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_batch_failing_on_the_store_longer_than_its_inline_retries_is_run_again()
    {
        await using var host = await DispatchHost.StartAsync();
        var domain = Recorded.NewDomain();
        var received = host.Smtp.Script(domain, data: n => n == 1
            ? TestSmtpServer.Reply(451, "4.3.0 Try again later")
            : null);
        var (id, _) = await host.App.Host.SendAsync(new { to = new[] { $"bob@{domain}" } });
        await host.App.Host.WaitForStateAsync(id, "deferred");

        // The retry's batch cannot read the message's content for 10 s, longer than the
        // batch's inline retries (about 6 s) last.
        await ExecuteAsync(host, "alter table nightpos.mt_doc_messagecontent rename to away");
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        finally
        {
            await ExecuteAsync(host, "alter table nightpos.away rename to mt_doc_messagecontent");
        }

        await host.App.Host.WaitForStateAsync(id, "sent", seconds: 60);
        Assert.Single(received());
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

    // True once a session of the host waits for a row lock, false when a second copy reached
    // the server first (a copy that did not wait sends at once: DATA is not held for it).
    private static async Task<bool> WaitForLockWaiterOrSecondCopyAsync(
        DispatchHost host,
        Func<int> copies)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await LockWaitersAsync(host) > 0)
            {
                return true;
            }

            if (copies() > 1)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return false;
    }

    // Both copies are settled once no delivery command waits in Wolverine's inbox.
    private static async Task WaitUntilDeliveriesHandledAsync(DispatchHost host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        const string Pending = "select count(*) from nightpos.wolverine_incoming_envelopes "
            + "where status <> 'Handled' and message_type ilike '%deliver_message%'";
        while (await CountAsync(host, Pending) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "A delivery command is still unhandled.");
            await Task.Delay(20);
        }
    }

    private static Task<long> LockWaitersAsync(DispatchHost host) => CountAsync(
        host,
        "select count(*) from pg_stat_activity "
        + "where datname = current_database() and wait_event_type = 'Lock'");

    private static async Task ExecuteAsync(DispatchHost host, string sql)
    {
        await using var connection = new NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(DispatchHost host, string sql)
    {
        await using var connection = new NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
