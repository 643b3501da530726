using System.Diagnostics;
using System.Text.Json;
using Alba;
using NightPos.Servers.Tests.SmtpPeers;
using NightPos.Testing;

namespace NightPos.Servers.Tests;

/// <summary>
/// POST /api/servers/{id}/test against real SMTP servers on loopback (SPEC R9): each failure
/// comes back as exactly one of the API's words, and nothing is ever sent.
/// </summary>
public sealed class ConnectionTestTests(ServersApp app)
{
    private const string Sender = "probe@example.com";
    private static readonly (string, string) Login = ("probe-user", "Corr3ct-Horse-Battery");

    [Fact]
    public async Task Test_succeeds_where_login_and_sender_are_accepted_and_sends_nothing()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(login: Login);
        var id = await AddAsync("Accepting", "127.0.0.1", smtp.Port, "none", Login.Item2);

        var result = await TestAsync(id);

        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("failure").ValueKind);
        Assert.Contains("may still restrict", result.GetProperty("message").GetString());
        Assert.Equal([Sender], smtp.Seen.Senders);
        Assert.Equal(["postmaster@example.com"], smtp.Seen.Recipients);
        Assert.Equal(0, smtp.Seen.MessagesStored);
    }

    [Theory]
    [InlineData("company-name.nightpos.com", "notifications@company-name.nightpos.com")]
    [InlineData("", "notifications@company-name.nightpos.com")]
    [InlineData("example.org", "noreply@example.org")]
    public async Task Test_tries_the_sender_SPEC_R9_chooses_for_the_filter(
        string filter,
        string sender)
    {
        await using var smtp = await FakeSmtpServer.StartAsync(login: Login);
        var server = await ServerApi.AddAsync(app.Host, new
        {
            name = $"Sender for '{filter}'",
            host = "127.0.0.1",
            port = smtp.Port,
            encryption = "none",
            authentication = "login",
            username = Login.Item1,
            password = Login.Item2,
            fromFilter = filter,
        });

        var result = await TestAsync(server.GetProperty("id").GetGuid());

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal([sender], smtp.Seen.Senders);
    }

    [Fact]
    public async Task Test_is_recorded_on_the_server_without_changing_the_configuration()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(login: Login);
        var id = await AddAsync("Recorded", "127.0.0.1", smtp.Port, "none", Login.Item2);
        var revision = await app.RevisionAsync();
        var events = await app.EventCountAsync();

        await TestAsync(id);

        Assert.Equal(events + 1, await app.EventCountAsync());
        Assert.Equal(revision, await app.RevisionAsync());
        var (_, server, _) = await ServerApi.GetAsync(app.Host, $"/api/servers/{id}");
        Assert.True(server.GetProperty("lastTest").GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Test_names_authentication_when_the_server_refuses_the_password()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(login: Login);
        var id = await AddAsync("Wrong password", "127.0.0.1", smtp.Port, "none", "not-it");

        var result = await TestAsync(id);

        AssertFailure(result, "authentication", "username and password");
        Assert.Empty(smtp.Seen.Senders);
    }

    [Fact]
    public async Task Test_names_sender_refused_when_the_server_refuses_the_sender()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(login: Login, refusedSender: Sender);
        var id = await AddAsync("Refuses sender", "127.0.0.1", smtp.Port, "none", Login.Item2);

        var result = await TestAsync(id);

        AssertFailure(result, "sender_refused", Sender);
    }

    [Fact]
    public async Task Test_names_connection_refused_when_nothing_listens()
    {
        var port = FakeSmtpServer.FreePort();
        var id = await AddAsync("Nobody home", "127.0.0.1", port, "none", Login.Item2);

        var result = await TestAsync(id);

        AssertFailure(result, "connection_refused", "refused the connection");
    }

    [Fact]
    public async Task Test_names_timeout_when_the_server_never_answers_and_gives_up_in_time()
    {
        using var silent = new SilentServer();
        var id = await AddAsync("Silent", "127.0.0.1", silent.Port, "none", Login.Item2);
        var clock = Stopwatch.StartNew();

        var result = await TestAsync(id);

        AssertFailure(result, "timeout", "did not answer within 2 s");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("starttls", false)]
    [InlineData("ssl", true)]
    public async Task Test_names_tls_when_the_certificate_is_self_signed(
        string encryption,
        bool sslOnConnect)
    {
        using var certificate = TestCertificates.SelfSignedServer();
        await using var smtp = await FakeSmtpServer.StartAsync(
            login: Login, certificate: certificate, sslOnConnect: sslOnConnect);
        var id = await AddAsync(
            $"Self-signed {encryption}", "localhost", smtp.Port, encryption, Login.Item2);

        var result = await TestAsync(id);

        AssertFailure(result, "tls", "not trusted");
        Assert.Empty(smtp.Seen.Senders);
    }

    [Fact]
    public async Task Test_names_tls_when_starttls_is_required_but_not_offered()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(login: Login);
        var id = await AddAsync("No STARTTLS", "127.0.0.1", smtp.Port, "starttls", Login.Item2);

        var result = await TestAsync(id);

        AssertFailure(result, "tls", "does not offer STARTTLS");
        Assert.Empty(smtp.Seen.Senders);
    }

    [Fact]
    public async Task Test_names_host_not_found_for_a_name_that_does_not_resolve()
    {
        var id = await AddAsync("Nowhere", "no-such-host.invalid", 587, "starttls", Login.Item2);

        var result = await TestAsync(id);

        AssertFailure(result, "host_not_found", "no-such-host.invalid");
    }

    [Fact]
    public async Task Test_of_a_cli_server_connects_as_the_default_server_of_the_configuration()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(login: Login);
        await using var host = await NightPosApp.StartAsync(builder =>
        {
            builder.UseSetting("NightPos:DefaultServer:Host", "127.0.0.1");
            builder.UseSetting("NightPos:DefaultServer:Port", smtp.Port.ToString());
            builder.UseSetting("NightPos:DefaultServer:Encryption", "none");
            builder.UseSetting("NightPos:DefaultServer:Username", Login.Item1);
            builder.UseSetting("NightPos:DefaultServer:Password", Login.Item2);
        });
        var server = await ServerApi.AddAsync(host.Host,
            new { name = "Default", authentication = "cli", fromFilter = Sender });

        var result = await host.Host.Scenario(s =>
        {
            s.Post.Url($"/api/servers/{server.GetProperty("id")}/test");
            s.AsAdmin();
        });
        var answer = await result.ReadAsJsonAsync<JsonElement>();

        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
        Assert.Equal(smtp.Port, server.GetProperty("port").GetInt32());
        Assert.True(server.GetProperty("hasPassword").GetBoolean());
        Assert.Equal([Sender], smtp.Seen.Senders);
    }

    [Fact]
    public async Task Test_of_an_unknown_server_is_a_404_naming_the_id()
    {
        var (status, problem, _) = await ServerApi.PostAsync(
            app.Host, $"/api/servers/{Guid.NewGuid()}/test", null);

        Assert.Equal(404, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }

    private static void AssertFailure(JsonElement result, string failure, string inMessage)
    {
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(failure, result.GetProperty("failure").GetString());
        Assert.Contains(inMessage, result.GetProperty("message").GetString());
    }

    private async Task<Guid> AddAsync(
        string name,
        string host,
        int port,
        string encryption,
        string password)
    {
        var server = await ServerApi.AddAsync(app.Host, new
        {
            name,
            host,
            port,
            encryption,
            authentication = "login",
            username = Login.Item1,
            password,
            fromFilter = $"{Sender}, example.org",
        });
        return server.GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> TestAsync(Guid id)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Url($"/api/servers/{id}/test");
            s.AsAdmin();
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
