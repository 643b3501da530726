using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Servers.Secrets;
using NightPos.Servers.Tests.SmtpPeers;
using NightPos.Testing;

namespace NightPos.Servers.Tests;

/// <summary>The servers routes of API.md against the real host (SPEC R5-R8).</summary>
public sealed class ServerRoutesTests(ServersApp app)
{
    [Fact]
    public async Task Post_answers_201_with_the_server_without_its_secrets()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(ServerApi.LoginServer("Mailjet")).ToUrl("/api/servers");
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });
        var server = await result.ReadAsJsonAsync<JsonElement>();

        var id = server.GetProperty("id").GetGuid();
        Assert.Equal($"/api/servers/{id}", result.Context.Response.Headers.Location.ToString());
        Assert.Equal("Mailjet", server.GetProperty("name").GetString());
        Assert.Equal("smtp.example.com", server.GetProperty("host").GetString());
        Assert.Equal(587, server.GetProperty("port").GetInt32());
        Assert.Equal("starttls", server.GetProperty("encryption").GetString());
        Assert.Equal("login", server.GetProperty("authentication").GetString());
        Assert.Equal("mailer", server.GetProperty("username").GetString());
        Assert.True(server.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(10, server.GetProperty("priority").GetInt32());
        Assert.True(server.GetProperty("active").GetBoolean());
        Assert.Equal("", server.GetProperty("fromFilter").GetString());
        Assert.False(server.TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData(
        " Example.COM , ,Bücher.de, Test@Example.com ",
        "example.com,xn--bcher-kva.de,test@example.com")]
    [InlineData("example.com,EXAMPLE.com", "example.com")]
    [InlineData(" , ", "")]
    [InlineData("mail.example.com", "mail.example.com")]
    public async Task Post_stores_the_filter_normalised(string given, string stored)
    {
        var server = await ServerApi.AddAsync(
            app.Host, ServerApi.LoginServer("Filtered", fromFilter: given));

        Assert.Equal(stored, server.GetProperty("fromFilter").GetString());
    }

    [Fact]
    public async Task Get_lists_servers_in_creation_order_and_reads_one()
    {
        var first = await ServerApi.AddAsync(app.Host, ServerApi.LoginServer("Zulu first"));
        var second = await ServerApi.AddAsync(app.Host, ServerApi.LoginServer("Alpha second"));

        var (_, list, _) = await ServerApi.GetAsync(app.Host, "/api/servers", TestKeys.Auditor);
        var ids = list.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        var (status, one, _) = await ServerApi.GetAsync(
            app.Host, $"/api/servers/{second.GetProperty("id")}", TestKeys.Auditor);

        Assert.True(ids.IndexOf(first.GetProperty("id").GetGuid())
            < ids.IndexOf(second.GetProperty("id").GetGuid()));
        Assert.Equal(200, status);
        Assert.Equal("Alpha second", one.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_appends_one_event_per_changed_fact_and_answers_the_server()
    {
        var id = await ServerApi.AddIdAsync(app.Host, ServerApi.LoginServer("Before"));

        var (status, server, _) = await ServerApi.PatchAsync(app.Host, $"/api/servers/{id}", """
            { "name": "After", "priority": 3, "fromFilter": "example.org", "port": 465,
              "encryption": "ssl", "active": false, "password": "n3w-password" }
            """);

        Assert.Equal(200, status);
        Assert.Equal("After", server.GetProperty("name").GetString());
        Assert.Equal(465, server.GetProperty("port").GetInt32());
        Assert.Equal("ssl", server.GetProperty("encryption").GetString());
        Assert.Equal("example.org", server.GetProperty("fromFilter").GetString());
        Assert.False(server.GetProperty("active").GetBoolean());
        Assert.Equal(
            ["outgoing_server_added", "server_renamed", "server_connection_changed",
                "server_credentials_rotated", "server_from_filter_changed", "server_prioritized",
                "server_archived"],
            await EventTypesAsync(id));
    }

    [Fact]
    public async Task Patch_with_the_current_values_appends_nothing()
    {
        var id = await ServerApi.AddIdAsync(app.Host, ServerApi.LoginServer("Same"));
        var before = await app.EventCountAsync();

        var (status, _, _) = await ServerApi.PatchAsync(app.Host, $"/api/servers/{id}",
            """{ "name": "Same", "port": 587, "encryption": "starttls", "priority": 10 }""");

        Assert.Equal(200, status);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Patch_reactivates_an_archived_server()
    {
        var id = await ServerApi.AddIdAsync(app.Host, ServerApi.LoginServer("Sleeper"));
        await ServerApi.PatchAsync(app.Host, $"/api/servers/{id}", """{ "active": false }""");

        var (_, server, _) = await ServerApi.PatchAsync(
            app.Host, $"/api/servers/{id}", """{ "active": true }""");

        Assert.True(server.GetProperty("active").GetBoolean());
        Assert.Equal(
            ["outgoing_server_added", "server_archived", "server_reactivated"],
            await EventTypesAsync(id));
    }

    [Fact]
    public async Task Delete_answers_204_and_the_server_is_gone()
    {
        var id = await ServerApi.AddIdAsync(app.Host, ServerApi.LoginServer("Doomed"));

        var (status, _, _) = await ServerApi.DeleteAsync(app.Host, $"/api/servers/{id}");
        var (after, _, _) = await ServerApi.GetAsync(app.Host, $"/api/servers/{id}");
        var (_, list, _) = await ServerApi.GetAsync(app.Host, "/api/servers");

        Assert.Equal(204, status);
        Assert.Equal(404, after);
        Assert.DoesNotContain(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        Assert.Equal("server_deleted", (await EventTypesAsync(id)).Last());
    }

    [Fact]
    public async Task Cli_server_takes_the_default_servers_connection_and_the_database_subdomain()
    {
        var server = await ServerApi.AddAsync(
            app.Host, new { name = "NightPOS", authentication = "cli" });

        Assert.Equal("localhost", server.GetProperty("host").GetString());
        Assert.Equal(587, server.GetProperty("port").GetInt32());
        Assert.Equal("starttls", server.GetProperty("encryption").GetString());
        Assert.Equal("company-name.nightpos.com", server.GetProperty("fromFilter").GetString());
        Assert.False(server.GetProperty("hasPassword").GetBoolean());
    }

    [Fact]
    public async Task Cli_server_created_with_a_filter_keeps_it()
    {
        var server = await ServerApi.AddAsync(
            app.Host,
            new { name = "NightPOS custom", authentication = "cli", fromFilter = "example.org" });

        Assert.Equal("example.org", server.GetProperty("fromFilter").GetString());
    }

    [Fact]
    public async Task Switching_a_login_server_to_cli_destroys_its_password()
    {
        var id = await ServerApi.AddIdAsync(app.Host, ServerApi.LoginServer("To cli"));
        var key = (await LoadAsync<ServerSecret>(id))!.KeyId;

        var (status, server, _) = await ServerApi.PatchAsync(
            app.Host, $"/api/servers/{id}", """{ "authentication": "cli" }""");

        Assert.Equal(200, status);
        Assert.Equal("cli", server.GetProperty("authentication").GetString());
        Assert.Null(await LoadAsync<ServerDataKey>(key));
        Assert.Null(await LoadAsync<ServerSecret>(id));
    }

    [Fact]
    public async Task Certificate_server_keeps_its_certificate_and_key_as_secrets()
    {
        var (certificate, privateKey) = TestCertificates.ClientPem("nightpos-client");

        var server = await ServerApi.AddAsync(app.Host, new
        {
            name = "Client certificate",
            host = "smtp.example.com",
            port = 465,
            encryption = "ssl",
            authentication = "certificate",
            certificate,
            privateKey,
        });

        Assert.True(server.GetProperty("hasCertificate").GetBoolean());
        Assert.False(server.GetProperty("hasPassword").GetBoolean());
    }

    [Fact]
    public async Task Port_25_is_accepted_where_the_installation_allows_it()
    {
        await using var allowing = await NightPosApp.StartAsync(builder =>
            builder.UseSetting("NightPos:Servers:AllowPort25", "true"));

        var server = await ServerApi.AddAsync(
            allowing.Host, ServerApi.LoginServer("Port 25", port: 25));

        Assert.Equal(25, server.GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task Mass_mailing_dedicated_server_is_set_read_and_cleared()
    {
        var id = await ServerApi.AddIdAsync(app.Host, ServerApi.LoginServer("Campaigns"));

        var (set, chosen, _) = await ServerApi.PutAsync(app.Host,
            "/api/settings/mass-mailing", $$"""{ "dedicatedServerId": "{{id}}" }""");
        var (_, read, _) = await ServerApi.GetAsync(
            app.Host, "/api/settings/mass-mailing", TestKeys.Auditor);
        var (refused, _, _) = await ServerApi.DeleteAsync(app.Host, $"/api/servers/{id}");
        var (cleared, none, _) = await ServerApi.PutAsync(app.Host,
            "/api/settings/mass-mailing", """{ "dedicatedServerId": null }""");

        Assert.Equal(200, set);
        Assert.Equal(id, chosen.GetProperty("dedicatedServerId").GetGuid());
        Assert.Equal(id, read.GetProperty("dedicatedServerId").GetGuid());
        Assert.Equal(409, refused);
        Assert.Equal(200, cleared);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("dedicatedServerId").ValueKind);
    }

    private async Task<List<string>> EventTypesAsync(Guid stream)
    {
        var (_, history, _) = await ServerApi.GetAsync(
            app.Host, $"/api/history?stream={stream}", TestKeys.Auditor);
        return history.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();
    }

    private async Task<T?> LoadAsync<T>(Guid id)
        where T : class
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>()
            .QuerySession();
        return await session.LoadAsync<T>(id);
    }
}
