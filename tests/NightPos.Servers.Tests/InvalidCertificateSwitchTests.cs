using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Servers.OutgoingServers;
using NightPos.Servers.Tests.SmtpPeers;
using NightPos.Testing;

namespace NightPos.Servers.Tests;

/// <summary>
/// The server record's <c>acceptInvalidCertificate</c> switch (ADR 0019): off by default, set and
/// read over the API, one event per change in the history and in as-of answers, refused where
/// there is no certificate to accept, and honoured by the test connection (SPEC R9, R17).
/// </summary>
public sealed class InvalidCertificateSwitchTests(ServersApp app)
{
    private const string Field = "acceptInvalidCertificate";
    private static readonly (string, string) Login = ServerApi.PeerLogin;

    public static TheoryData<string> SenselessSwitches => new()
    {
        """{ "encryption": "none", "acceptInvalidCertificate": true }""",
        """{ "authentication": "cli", "acceptInvalidCertificate": true }""",
    };

    // A server whose switch is already on: a change that would leave it on without TLS, or on
    // a cli server, is refused rather than silently dropping the switch.
    public static TheoryData<string> ChangesThatStrandTheSwitch => new()
    {
        """{ "encryption": "none" }""",
        """{ "authentication": "cli" }""",
        """{ "encryption": "none", "acceptInvalidCertificate": true }""",
    };

    [Fact]
    public async Task Post_without_the_switch_answers_false_and_get_reads_false()
    {
        var added = await ServerApi.AddAsync(app.Host, ServerApi.LoginServer("Validating"));

        var (_, read, _) = await ServerApi.GetAsync(
            app.Host, $"/api/servers/{added.GetProperty("id")}", TestKeys.Auditor);

        Assert.False(added.GetProperty(Field).GetBoolean());
        Assert.False(read.GetProperty(Field).GetBoolean());
    }

    [Theory]
    [InlineData("starttls")]
    [InlineData("ssl")]
    public async Task Post_with_the_switch_answers_it_and_get_and_the_contract_read_it(
        string encryption)
    {
        var id = await AddAsync($"Internal relay {encryption}", encryption, accept: true);

        var (_, read, _) = await ServerApi.GetAsync(
            app.Host, $"/api/servers/{id}", TestKeys.Auditor);
        var configuration = await app.ConfigurationAsync();

        Assert.True(read.GetProperty(Field).GetBoolean());
        Assert.True(configuration.Servers.Single(s => s.Id == id).AcceptInvalidCertificate);
    }

    [Fact]
    public async Task Patch_turns_the_switch_on_and_off_with_one_event_each_in_the_history()
    {
        var id = await ServerApi.AddIdAsync(app.Host, ServerApi.LoginServer("Toggled"));

        var (_, on, _) = await ServerApi.PatchAsync(
            app.Host, $"/api/servers/{id}", """{ "acceptInvalidCertificate": true }""");
        var (_, again, _) = await ServerApi.PatchAsync(
            app.Host, $"/api/servers/{id}", """{ "acceptInvalidCertificate": true }""");
        var (_, off, _) = await ServerApi.PatchAsync(
            app.Host, $"/api/servers/{id}", """{ "acceptInvalidCertificate": false }""");
        var history = await HistoryAsync(id);

        Assert.True(on.GetProperty(Field).GetBoolean());
        Assert.True(again.GetProperty(Field).GetBoolean());
        Assert.False(off.GetProperty(Field).GetBoolean());
        Assert.Equal(
            ["outgoing_server_added", "server_certificate_check_changed",
                "server_certificate_check_changed"],
            history.Select(e => e.GetProperty("type").GetString()).ToList());
        Assert.False(history[0].GetProperty("data").GetProperty(Field).GetBoolean());
        Assert.True(history[1].GetProperty("data").GetProperty(Field).GetBoolean());
        Assert.False(history[2].GetProperty("data").GetProperty(Field).GetBoolean());
    }

    [Fact]
    public async Task Configuration_at_an_instant_replays_the_switch_as_it_stood()
    {
        var id = await AddAsync("Replayed", "starttls", accept: true);
        await PatchOkAsync(id, """{ "acceptInvalidCertificate": false }""");
        await PatchOkAsync(id, """{ "acceptInvalidCertificate": true }""");
        var at = (await HistoryAsync(id)).Select(e => e.GetProperty("at").GetDateTimeOffset())
            .ToList();

        var states = new List<bool>();
        foreach (var instant in at)
        {
            var configuration = await app.ConfigurationAsync(instant);
            states.Add(configuration.Servers.Single(s => s.Id == id).AcceptInvalidCertificate);
        }

        Assert.Equal(3, at.Count);
        Assert.Equal([true, false, true], states);
    }

    [Theory]
    [MemberData(nameof(SenselessSwitches))]
    public async Task Post_refuses_the_switch_without_a_certificate_naming_it_and_appends_nothing(
        string overrides)
    {
        var body = JsonSerializer.SerializeToNode(ServerApi.LoginServer("Senseless"))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        if (body["authentication"]?.GetValue<string>() == "cli")
        {
            body.Remove("username");
            body.Remove("password");
        }

        var before = await app.EventCountAsync();

        var answer = await ServerApi.PostAsync(app.Host, "/api/servers", body.ToJsonString());

        AssertRefusedNamingTheSwitch(answer);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Post_of_a_plain_text_server_with_the_switch_off_is_accepted()
    {
        var id = await AddAsync("Plain, switch off", "none", accept: false);

        var (status, server, _) = await ServerApi.GetAsync(app.Host, $"/api/servers/{id}");

        Assert.Equal(200, status);
        Assert.False(server.GetProperty(Field).GetBoolean());
    }

    [Theory]
    [MemberData(nameof(ChangesThatStrandTheSwitch))]
    public async Task Patch_refuses_a_change_that_leaves_the_switch_without_a_certificate(
        string json)
    {
        var id = await AddAsync("Stranded", "starttls", accept: true);
        var before = await app.EventCountAsync();

        var answer = await ServerApi.PatchAsync(app.Host, $"/api/servers/{id}", json);

        AssertRefusedNamingTheSwitch(answer);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Patch_to_plain_text_that_turns_the_switch_off_with_it_is_accepted()
    {
        var id = await AddAsync("Unstranded", "starttls", accept: true);

        var (status, server, text) = await ServerApi.PatchAsync(app.Host, $"/api/servers/{id}",
            """{ "encryption": "none", "acceptInvalidCertificate": false }""");

        Assert.True(status == 200, text);
        Assert.Equal("none", server.GetProperty("encryption").GetString());
        Assert.False(server.GetProperty(Field).GetBoolean());
    }

    [Fact]
    public void Stored_events_and_snapshots_without_the_field_read_as_false()
    {
        var serializer = app.Host.Services.GetRequiredService<IDocumentStore>().Options
            .Serializer();
        var added = new OutgoingServerAdded(Guid.NewGuid(), "Before ADR 0019", "smtp.example.com",
            587, Contracts.ServerEncryption.Starttls, Contracts.ServerAuthentication.Login, null,
            "", 10, true, null, 1, AcceptInvalidCertificate: true);
        var server = OutgoingServer.From(added, DateTimeOffset.UtcNow);

        var oldEvent = (OutgoingServerAdded)serializer.FromJson(typeof(OutgoingServerAdded),
            Without(serializer.ToJson(added), nameof(added.AcceptInvalidCertificate)));
        var oldSnapshot = (OutgoingServer)serializer.FromJson(typeof(OutgoingServer),
            Without(serializer.ToJson(server), nameof(server.AcceptInvalidCertificate)));

        Assert.False(oldEvent.AcceptInvalidCertificate);
        Assert.Equal("Before ADR 0019", oldEvent.Name);
        Assert.False(oldSnapshot.AcceptInvalidCertificate);
        Assert.Equal(added.ServerId, oldSnapshot.Id);
    }

    [Theory]
    [InlineData("starttls", false)]
    [InlineData("ssl", true)]
    public async Task Test_connection_with_the_switch_accepts_a_self_signed_certificate_over_tls(
        string encryption,
        bool sslOnConnect)
    {
        using var certificate = TestCertificates.SelfSignedServer();
        await using var smtp = await FakeSmtpServer.StartAsync(
            login: Login, certificate: certificate, sslOnConnect: sslOnConnect);
        var id = await AddAsync($"Self-signed relay {encryption}", encryption, accept: true,
            smtp.Port);

        var result = await TestAsync(id);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Contains("not trusted", result.GetProperty("message").GetString());
        Assert.Contains(Field, result.GetProperty("message").GetString());
        Assert.NotEmpty(smtp.Seen.SendersOverTls);
        Assert.All(smtp.Seen.SendersOverTls, Assert.True);
        Assert.Equal(0, smtp.Seen.MessagesStored);
        Assert.Contains(app.Logs.Lines, line => line.StartsWith("Warning")
            && line.Contains("InvalidCertificateAccepted") && line.Contains(id.ToString()));
    }

    [Fact]
    public async Task Test_connection_after_the_switch_is_turned_off_fails_as_tls_again()
    {
        using var certificate = TestCertificates.SelfSignedServer();
        await using var smtp = await FakeSmtpServer.StartAsync(
            login: Login, certificate: certificate);
        var id = await AddAsync("Relay switched back", "starttls", accept: true, smtp.Port);
        var accepted = await TestAsync(id);

        await PatchOkAsync(id, """{ "acceptInvalidCertificate": false }""");
        var refused = await TestAsync(id);

        Assert.True(accepted.GetProperty("ok").GetBoolean(), accepted.ToString());
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Equal("tls", refused.GetProperty("failure").GetString());
        Assert.Contains(Field, refused.GetProperty("message").GetString());
        Assert.Single(smtp.Seen.Senders);
    }

    private static void AssertRefusedNamingTheSwitch((int, JsonElement, string) answer)
    {
        var (status, problem, text) = answer;
        Assert.True(status == 400, $"{status}: {text}");
        Assert.Contains(Field, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(Field, out _), text);
    }

    private static MemoryStream Without(string json, string property)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var name = node.Select(p => p.Key)
            .Single(k => string.Equals(k, property, StringComparison.OrdinalIgnoreCase));
        node.Remove(name);
        return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()));
    }

    private async Task<Guid> AddAsync(string name, string encryption, bool accept, int port = 587)
    {
        var (status, server, text) = await ServerApi.PostAsync(app.Host, "/api/servers",
            JsonSerializer.Serialize(
                ServerApi.PeerServer(name, "localhost", port, encryption, accept)));
        Assert.True(status == 201, text);
        return server.GetProperty("id").GetGuid();
    }

    private async Task PatchOkAsync(Guid id, string json)
    {
        var (status, _, text) = await ServerApi.PatchAsync(app.Host, $"/api/servers/{id}", json);
        Assert.True(status == 200, text);
    }

    private async Task<List<JsonElement>> HistoryAsync(Guid stream)
    {
        var (_, history, _) = await ServerApi.GetAsync(
            app.Host, $"/api/history?stream={stream}", TestKeys.Auditor);
        return history.EnumerateArray().ToList();
    }

    private Task<JsonElement> TestAsync(Guid id) => ServerApi.TestConnectionAsync(app.Host, id);
}
