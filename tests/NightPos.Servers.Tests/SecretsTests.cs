using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Servers.Contracts;
using NightPos.Servers.Secrets;
using NightPos.Servers.Tests.SmtpPeers;
using NightPos.Testing;

namespace NightPos.Servers.Tests;

/// <summary>
/// SPEC R17: passwords and private keys appear in no event, document, log line or API answer,
/// and deleting a server destroys its data key (ADR 0008).
/// </summary>
public sealed class SecretsTests(ServersApp app)
{
    [Fact]
    public async Task Secrets_are_nowhere_in_the_database_the_log_or_the_answers()
    {
        var password = $"Pw-{Guid.NewGuid():N}-distinctive";
        var rotated = $"Rotated-{Guid.NewGuid():N}";
        var (certificate, privateKey) = TestCertificates.ClientPem("dump-test");
        await using var smtp = await FakeSmtpServer.StartAsync(login: ("dump-user", password));
        var answers = new List<string>();

        async Task<JsonElement> Call(HttpMethod method, string url, object? body)
        {
            var (_, json, text) = await ServerApi.SendAsync(
                app.Host, method, url, body is null ? null : JsonSerializer.Serialize(body));
            answers.Add(text);
            return json;
        }

        var login = await Call(HttpMethod.Post, "/api/servers", new
        {
            name = "Dump login",
            host = "127.0.0.1",
            port = smtp.Port,
            encryption = "none",
            authentication = "login",
            username = "dump-user",
            password,
            fromFilter = "probe@example.com",
        });
        var loginId = login.GetProperty("id").GetGuid();
        var withCertificate = await Call(HttpMethod.Post, "/api/servers", new
        {
            name = "Dump certificate",
            host = "smtp.example.com",
            port = 465,
            encryption = "ssl",
            authentication = "certificate",
            certificate,
            privateKey,
        });
        var tested = await Call(HttpMethod.Post, $"/api/servers/{loginId}/test", null);
        await Call(HttpMethod.Patch, $"/api/servers/{loginId}", new { password = rotated });
        await Call(HttpMethod.Post, $"/api/servers/{loginId}/test", null);
        await Call(HttpMethod.Post, "/api/servers", new
        {
            name = "Refused",
            host = "smtp.example.com",
            port = 25,
            encryption = "ssl",
            authentication = "login",
            username = "u",
            password,
        });
        await Call(HttpMethod.Get, "/api/servers", null);
        await Call(HttpMethod.Get, $"/api/servers/{withCertificate.GetProperty("id")}", null);
        await Call(HttpMethod.Get, "/api/history", null);
        answers.Add(JsonSerializer.Serialize(await app.ConfigurationAsync()));
        answers.Add(JsonSerializer.Serialize(await app.ConfigurationAsync(DateTimeOffset.UtcNow)));

        Assert.True(tested.GetProperty("ok").GetBoolean(), tested.ToString());
        var secrets = Forms(password).Concat(Forms(rotated)).Concat(KeyParts(privateKey)).ToList();
        var database = await DumpDatabaseAsync();
        var places = new Dictionary<string, string>
        {
            ["database"] = database,
            ["log"] = string.Join("\n", app.Logs.Lines),
            ["answers"] = string.Join("\n", answers),
        };
        // Positive controls: the search does see what is stored, logged and answered.
        Assert.Contains("dump-user", database);
        Assert.Contains("dump-user", places["answers"]);
        Assert.Contains(loginId.ToString(), places["log"]);
        foreach (var (place, text) in places)
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal),
                    $"The {place} holds a secret ({secret[..6]}...).");
            }
        }
    }

    [Fact]
    public async Task Deleting_a_server_destroys_its_data_key_and_the_secret_with_it()
    {
        var id = (await ServerApi.AddAsync(app.Host, ServerApi.LoginServer("Shredded")))
            .GetProperty("id").GetGuid();
        var keyId = (await LoadAsync<ServerSecret>(id))!.KeyId;
        var credentials = app.Host.Services.GetRequiredService<IServerCredentials>();
        var cancellation = TestContext.Current.CancellationToken;
        Assert.Equal("s3cret-Pa55", (await credentials.GetAsync(id, cancellation))?.Password);

        await ServerApi.DeleteAsync(app.Host, $"/api/servers/{id}");

        Assert.Null(await LoadAsync<ServerDataKey>(keyId));
        Assert.Null(await LoadAsync<ServerSecret>(id));
        Assert.Null(await credentials.GetAsync(id, cancellation));
    }

    [Fact]
    public async Task Rotating_a_password_destroys_the_old_data_key()
    {
        var id = (await ServerApi.AddAsync(app.Host, ServerApi.LoginServer("Rotated")))
            .GetProperty("id").GetGuid();
        var oldKey = (await LoadAsync<ServerSecret>(id))!.KeyId;

        await ServerApi.PatchAsync(
            app.Host, $"/api/servers/{id}", """{ "password": "second-one" }""");

        var newKey = (await LoadAsync<ServerSecret>(id))!.KeyId;
        Assert.NotEqual(oldKey, newKey);
        Assert.Null(await LoadAsync<ServerDataKey>(oldKey));
        Assert.NotNull(await LoadAsync<ServerDataKey>(newKey));
        var credentials = app.Host.Services.GetRequiredService<IServerCredentials>();
        var answer = await credentials.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal("second-one", answer?.Password);
    }

    // The plain text and its base64, as a careless serializer of bytes would write it.
    private static IEnumerable<string> Forms(string secret) =>
        [secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))];

    // Every line of the key's base64 body: any one of them found means the key leaked.
    private static IEnumerable<string> KeyParts(string pem) =>
        pem.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("-----", StringComparison.Ordinal))
            .Append(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----")))[..40]);

    private async Task<string> DumpDatabaseAsync()
    {
        var (tables, rows) = await DatabaseDump.ReadAsync(app.ConnectionString);
        Assert.Contains("nightpos.mt_events", tables);
        return rows;
    }

    private async Task<T?> LoadAsync<T>(Guid id)
        where T : class
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>()
            .QuerySession();
        return await session.LoadAsync<T>(id);
    }
}
