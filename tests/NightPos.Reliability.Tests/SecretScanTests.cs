using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Servers.Contracts;
using NightPos.Servers.Secrets;
using NightPos.Servers.Tests;
using NightPos.Testing;

namespace NightPos.Reliability.Tests;

/// <summary>
/// SPEC R17 across every module: the passwords and keys set through the API are found in no
/// table (events, documents, Wolverine's inbox, outbox and dead letters), no log line and no
/// answer, after the product has tested, routed, sent through, listed and replayed the servers
/// that hold them; and a deleted server's secret cannot be recovered from what remains.
/// </summary>
public sealed class SecretScanTests
{
    private const string User = "scan-user";

    [Fact]
    public async Task Secrets_set_through_the_API_are_in_no_table_log_line_or_answer()
    {
        var password = $"Scan-Pw-{Guid.NewGuid():N}";
        var doomed = $"Doomed-Pw-{Guid.NewGuid():N}";
        var rotated = $"Rotated-Pw-{Guid.NewGuid():N}";
        var (certificate, privateKey) = ClientCertificate();
        var logs = new LogCapture();
        await using var defaultServer = await TestSmtpServer.StartAsync();
        await using var loginServer = await TestSmtpServer.StartAsync(login: (User, password));
        await using var app = await NightPosApp.StartAsync(builder =>
        {
            builder.UseSetting("NightPos:DefaultServer:Host", "127.0.0.1");
            builder.UseSetting("NightPos:DefaultServer:Port", defaultServer.Port.ToString());
            builder.UseSetting("NightPos:DefaultServer:Encryption", "none");
            builder.UseSetting("Logging:LogLevel:Default", "Debug");
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs));
        });
        var api = new Api(app.Host.Server.CreateClient());

        var login = await api.CallAsync(HttpMethod.Post, "/api/servers", new
        {
            name = "Scan login",
            host = "127.0.0.1",
            port = loginServer.Port,
            encryption = "none",
            authentication = "login",
            username = User,
            password,
            fromFilter = "scan.example",
        });
        var loginId = login.GetProperty("id").GetGuid();
        var keyed = await api.CallAsync(HttpMethod.Post, "/api/servers", new
        {
            name = "Scan certificate",
            host = "smtp.scan.example",
            port = 465,
            encryption = "ssl",
            authentication = "certificate",
            certificate,
            privateKey,
            active = false,
        });
        var deleted = (await api.CallAsync(HttpMethod.Post, "/api/servers", new
        {
            name = "Scan deleted",
            host = "127.0.0.1",
            port = loginServer.Port,
            encryption = "none",
            authentication = "login",
            username = User,
            password = doomed,
            active = false,
        })).GetProperty("id").GetGuid();
        await api.CallAsync(
            HttpMethod.Patch, $"/api/servers/{deleted}", new { password = rotated });
        var tested = await api.CallAsync(HttpMethod.Post, $"/api/servers/{loginId}/test", null);
        await api.CallAsync(HttpMethod.Post, $"/api/servers/{deleted}/test", null);
        await api.CallAsync(HttpMethod.Post, "/api/routing/preview",
            new { from = "ann@scan.example", kind = "transactional" });
        var sent = new[]
        {
            await api.CallAsync(HttpMethod.Post, "/api/messages",
                new { from = "ann@scan.example", to = new[] { "bob@example.com" } }),
            await api.CallAsync(HttpMethod.Post, "/api/messages",
                new { to = new[] { "cid@example.com" }, serverId = loginId, text = "Hi" }),
        };
        foreach (var message in sent)
        {
            await api.WaitUntilSentAsync(message.GetProperty("id").GetGuid());
        }

        var doomedKey = await DataKeyOfAsync(app, deleted);
        await api.CallAsync(HttpMethod.Delete, $"/api/servers/{deleted}", null);
        await api.CallAsync(HttpMethod.Get, "/api/servers", null);
        await api.CallAsync(HttpMethod.Get, $"/api/servers/{loginId}", null);
        await api.CallAsync(HttpMethod.Get, $"/api/servers/{keyed.GetProperty("id")}", null);
        await api.CallAsync(HttpMethod.Get, "/api/history", null);
        await api.CallAsync(HttpMethod.Get, "/api/configuration", null);
        await api.CallAsync(HttpMethod.Get,
            $"/api/configuration?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}",
            null);

        var database = await DumpDatabaseAsync(app.ConnectionString);
        var places = new Dictionary<string, string>
        {
            ["database"] = database,
            ["log"] = string.Join("\n", logs.Lines),
            ["answers"] = string.Join("\n", api.Answers),
        };

        // Positive controls: the search sees what is stored, logged and answered.
        Assert.True(tested.GetProperty("ok").GetBoolean(), tested.ToString());
        Assert.Equal(2, loginServer.Received.Count);
        Assert.Contains(User, database);
        Assert.Contains("Scan login", places["answers"]);
        Assert.Contains(loginId.ToString(), places["log"]);
        var secrets = Forms(password).Concat(Forms(doomed)).Concat(Forms(rotated))
            .Concat(KeyParts(privateKey)).ToList();
        foreach (var (place, text) in places)
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal),
                    $"The {place} holds a secret ({secret[..8]}...).");
            }
        }

        // Crypto-shredding (ADR 0008): the deleted server's wrapped data key and ciphertext are
        // gone, so not even the master key opens what remains.
        Assert.DoesNotContain(doomedKey.WrappedKey, database);
        Assert.DoesNotContain(doomedKey.Ciphertext, database);
        using var scope = app.Host.Services.CreateScope();
        var credentials = scope.ServiceProvider.GetRequiredService<IServerCredentials>();
        Assert.Null(await credentials.GetAsync(deleted, TestContext.Current.CancellationToken));
        Assert.NotNull(await credentials.GetAsync(loginId, TestContext.Current.CancellationToken));
    }

    private static async Task<(string WrappedKey, string Ciphertext)> DataKeyOfAsync(
        NightPosApp app,
        Guid serverId)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>()
            .QuerySession();
        var secret = await session.LoadAsync<ServerSecret>(serverId);
        var key = await session.LoadAsync<ServerDataKey>(secret!.KeyId);
        return (Convert.ToBase64String(key!.WrappedKey), Convert.ToBase64String(secret.Ciphertext));
    }

    // The plain text and its base64, as a careless serializer of bytes would write it.
    private static IEnumerable<string> Forms(string secret) =>
        [secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))];

    // Every line of the key's base64 body: any one of them found means the key leaked.
    private static IEnumerable<string> KeyParts(string pem) =>
        pem.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("-----", StringComparison.Ordinal));

    private static (string Certificate, string PrivateKey) ClientCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=scan client", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static async Task<string> DumpDatabaseAsync(string connectionString)
    {
        var (tables, rows) = await DatabaseDump.ReadAsync(connectionString);
        Assert.Contains("nightpos.mt_events", tables);
        Assert.Contains(tables, t => t.Contains("wolverine_incoming"));
        Assert.Contains(tables, t => t.Contains("wolverine_outgoing"));
        Assert.Contains(tables, t => t.Contains("wolverine_dead_letters"));
        return rows;
    }

    /// <summary>An administrator's client that keeps every answer it was given.</summary>
    private sealed class Api(HttpClient client)
    {
        public List<string> Answers { get; } = [];

        public async Task<JsonElement> CallAsync(HttpMethod method, string url, object? body)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization =
                new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
            if (body is not null)
            {
                request.Content = new StringContent(
                    JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Answers.Add(text);
            Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }

        public async Task WaitUntilSentAsync(Guid id)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var message = await CallAsync(HttpMethod.Get, $"/api/messages/{id}", null);
                var state = message.GetProperty("state").GetString();
                if (state == "sent")
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, $"Message {id} stayed {state}.");
                await Task.Delay(100);
            }
        }
    }
}
