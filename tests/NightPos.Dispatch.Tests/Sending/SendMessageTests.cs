using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Testing;
using Wolverine;

namespace NightPos.Dispatch.Tests.Sending;

/// <summary>The send command over HTTP and in-process, against the real host (SPEC R11).</summary>
public sealed class SendMessageTests(DispatchHost host)
{
    private IAlbaHost Host => host.App.Host;

    [Fact]
    public async Task Send_answers_202_with_the_id_and_the_Message_ID()
    {
        var domain = Recorded.NewDomain();

        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { to = new[] { $"bob@{domain}" }, subject = "Hi" })
                .ToUrl("/api/messages");
            s.AsSender();
            s.StatusCodeShouldBe(202);
        });

        var answer = await result.ReadAsJsonAsync<JsonElement>();
        var id = answer.GetProperty("id").GetGuid();
        Assert.Equal(
            $"<{id:N}@company-name.nightpos.com>", answer.GetProperty("messageId").GetString());
        Assert.Equal($"/api/messages/{id}", result.Context.Response.Headers.Location.ToString());
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { """{"to":[]}""", "to" },
        { """{"to":["bob@DOMAIN"],"from":"mary"}""", "from" },
        { """{"to":["bob@DOMAIN","a@x.com, b@y.com"]}""", "to[1]" },
        { """{"to":["bob@DOMAIN"],"cc":["friends: a@x.com;"]}""", "cc[0]" },
        { """{"to":["bob@DOMAIN"],"subject":"Hi\r\nBcc: eve@evil.example"}""", "subject" },
        { """{"to":["bob@DOMAIN"],"replyTo":"\"Eve\nX\" <eve@evil.example>"}""", "replyTo" },
        { """{"to":["bob@DOMAIN"],"subject":"SUBJECT"}""", "subject" },
        { """{"to":["bob@DOMAIN"],"companyId":"UNKNOWN"}""", "companyId" },
        { """{"to":["bob@DOMAIN"],"serverId":"UNKNOWN"}""", "serverId" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Send_refuses_a_bad_message_naming_the_field_and_records_nothing(
        string json,
        string field)
    {
        var domain = Recorded.NewDomain();
        var body = json.Replace("DOMAIN", domain)
            .Replace("SUBJECT", new string('s', 999))
            .Replace("UNKNOWN", Guid.NewGuid().ToString());

        var result = await Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl("/api/messages");
            s.WithRequestHeader("Content-Type", "application/json");
            s.AsSender();
            s.IgnoreStatusCode();
            s.ContentTypeShouldBe("application/problem+json");
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("status").GetInt32(), new[] { 400, 404 });
        Assert.Contains(field, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(await Host.QueuedForAsync(domain));
        Assert.DoesNotContain(host.Smtp.Received, m => m.Recipients.Any(r => r.EndsWith(domain)));
    }

    // JSON that does not fit the command: refused before any rule runs, naming the field.
    [Theory]
    [InlineData("""{"to":"bob@DOMAIN"}""", "to")]
    [InlineData("""{"to":[42]}""", "to")]
    [InlineData("""{"to":["bob@DOMAIN"],"kind":"bulk"}""", "kind")]
    [InlineData("""{"to":["bob@DOMAIN"],"companyId":"acme"}""", "companyId")]
    [InlineData("""{"to":["bob@DOMAIN"],"subject":["a","b"]}""", "subject")]
    [InlineData("""["bob@DOMAIN"]""", "JSON")]
    public async Task Send_refuses_JSON_of_the_wrong_shape_naming_what_is_wrong(
        string json,
        string word)
    {
        var domain = Recorded.NewDomain();

        var result = await Host.Scenario(s =>
        {
            s.Post.Text(json.Replace("DOMAIN", domain)).ToUrl("/api/messages");
            s.WithRequestHeader("Content-Type", "application/json");
            s.AsSender();
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });

        Assert.Contains(word, await result.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await Host.QueuedForAsync(domain));
    }

    [Fact]
    public async Task Send_with_a_known_idempotency_key_answers_the_first_message_and_sends_once()
    {
        var domain = Recorded.NewDomain();
        var received = host.Smtp.Script(domain);
        var key = $"retry-{Guid.NewGuid()}";

        var first = await Host.SendAsync(new
        {
            to = new[] { $"bob@{domain}" },
            idempotencyKey = key,
        });
        var again = await Host.SendAsync(new
        {
            to = new[] { $"someone-else@{domain}" },
            idempotencyKey = key,
        });

        Assert.Equal(first, again);
        await Host.WaitForStateAsync(first.Id, "sent");
        Assert.Single(await Host.QueuedForAsync(domain));
        Assert.Equal([$"bob@{domain}"], Assert.Single(received()).Recipients);
    }

    [Fact]
    public async Task Send_retried_for_a_message_whose_delivery_never_started_delivers_it()
    {
        var domain = Recorded.NewDomain();
        var received = host.Smtp.Script(domain);
        var template = await Host.SendAsync(new { to = new[] { $"bob@{domain}" } });
        await Host.WaitForStateAsync(template.Id, "sent");

        // What a commit PostgreSQL made but never acknowledged leaves: the message's stream and
        // content, and a DeliverMessage no process will run (here: none at all).
        var key = $"stranded-{Guid.NewGuid()}";
        var id = MessageIds.FromIdempotencyKey(key);
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var events = await session.Events.FetchStreamAsync(
                template.Id, token: TestContext.Current.CancellationToken);
            var queued = events.Select(e => e.Data).OfType<MessageQueued>().Single();
            var routed = events.Select(e => e.Data).OfType<MessageRouted>().Single();
            var headerDomain = queued.MessageId.Split('@')[1].TrimEnd('>');
            session.Events.StartStream<Message>(
                id,
                queued with
                {
                    MessageId = MessageIds.MessageIdHeader(id, headerDomain),
                    IdempotencyKey = key,
                },
                routed);
            session.Store(new MessageContent { Id = id, Subject = "Stranded", Text = "Hello." });
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var retried = await Host.SendAsync(new
        {
            to = new[] { $"bob@{domain}" },
            idempotencyKey = key,
        });

        Assert.Equal(id, retried.Id);
        await Host.WaitForStateAsync(id, "sent");
        Assert.Single(received(), m => $"<{m.Parse().MessageId}>" == retried.MessageId);
    }

    [Fact]
    public async Task Send_with_one_key_from_racing_requests_records_one_message()
    {
        var domain = Recorded.NewDomain();
        var received = host.Smtp.Script(domain);
        var key = $"race-{Guid.NewGuid()}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Host.SendAsync(new { to = new[] { $"bob@{domain}" }, idempotencyKey = key })));

        Assert.Single(answers.Distinct());
        await Host.WaitForStateAsync(answers[0].Id, "sent");
        Assert.Single(await Host.QueuedForAsync(domain));
        Assert.Single(received());
    }

    [Fact]
    public async Task Send_from_concurrent_requests_shares_commits_and_keeps_each_requester()
    {
        var domain = Recorded.NewDomain();
        var asAdmin = SendAs(domain, admin: true);
        var asSender = Enumerable.Range(0, 31).Select(_ => SendAs(domain, admin: false)).ToList();
        var admin = await asAdmin;
        var senders = await Task.WhenAll(asSender);

        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var ids = senders.Append(admin).ToArray();
        var commits = await session.AdvancedSql.QueryAsync<long>(
            "select count(distinct xmin::text) from nightpos.mt_events "
                + "where stream_id = any(?) and type = 'message_queued'",
            TestContext.Current.CancellationToken,
            ids);
        Assert.InRange(Assert.Single(commits), 1, ids.Length - 1);

        // The audit history names who sent each message, whichever commit held it.
        var requesters = await session.AdvancedSql.QueryAsync<string>(
            "select stream_id::text || ' ' || user_name from nightpos.mt_events "
                + "where stream_id = any(?)",
            TestContext.Current.CancellationToken,
            ids);
        Assert.Equal(ids.Length * 2, requesters.Count);
        Assert.All(requesters, r => Assert.EndsWith(
            r.StartsWith(admin.ToString(), StringComparison.Ordinal) ? " admin" : " sender", r));
    }

    private async Task<Guid> SendAs(string domain, bool admin)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { to = new[] { $"bob@{domain}" } }).ToUrl("/api/messages");
            if (admin)
            {
                s.AsAdmin();
            }
            else
            {
                s.AsSender();
            }

            s.StatusCodeShouldBe(202);
        });
        return (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Send_in_process_answers_the_accepted_message()
    {
        var domain = Recorded.NewDomain();
        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();

        var accepted = await bus.InvokeAsync<MessageAccepted>(new SendMessage
        {
            From = "\"Mary\" <mary@company-name.nightpos.com>",
            To = [$"bob@{domain}"],
            Subject = "From the invoicing module",
            Text = "Your invoice.",
        }, TestContext.Current.CancellationToken);

        var message = await Host.WaitForStateAsync(accepted.Id, "sent");
        Assert.Equal(accepted.MessageId, message.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Send_in_process_refuses_with_the_field_and_records_nothing()
    {
        var domain = Recorded.NewDomain();
        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();

        var refused = await Assert.ThrowsAsync<MessageRefusedException>(() =>
            bus.InvokeAsync<MessageAccepted>(new SendMessage
            {
                To = [$"bob@{domain}"],
                Subject = "Two\nlines",
            }, TestContext.Current.CancellationToken));

        Assert.Equal(("subject", 400), (refused.Field, refused.Status));
        Assert.Empty(await Host.QueuedForAsync(domain));
    }

    [Fact]
    public async Task Message_lookup_of_an_unknown_id_is_a_problem_details_404()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url($"/api/messages/{Guid.NewGuid()}");
            s.AsSender();
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
    }
}
