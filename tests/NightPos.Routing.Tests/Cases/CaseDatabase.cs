using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Hosting;
using NightPos.Testing;

namespace NightPos.Routing.Tests.Cases;

/// <summary>
/// A fresh database with one case setup made through the configuration routes of API.md, as an
/// administrator would make it; keeps the ids the API gave to each key of the setup.
/// </summary>
public sealed class CaseDatabase : IAsyncDisposable
{
    private readonly Dictionary<string, Guid> _companies = [];
    private readonly Dictionary<string, Guid> _servers = [];

    private CaseDatabase(NightPosApp app) => App = app;

    public NightPosApp App { get; }

    public IAlbaHost Host => App.Host;

    public static async Task<CaseDatabase> CreateAsync(CaseSetup setup)
    {
        var app = await NightPosApp.StartAsync(builder =>
            builder.UseSetting("NightPos:DatabaseDomain", setup.DatabaseDomain));
        var database = new CaseDatabase(app);
        try
        {
            await database.ApplyAsync(setup);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The id of a setup's company key ("default": the first company).</summary>
    public Guid CompanyId(string key) =>
        _companies.TryGetValue(key, out var id) ? id : Guid.NewGuid();

    /// <summary>The id of a setup's server key; a key the setup lacks names no server.</summary>
    public Guid ServerId(string key) => _servers.TryGetValue(key, out var id) ? id : Guid.NewGuid();

    public string? ServerKey(Guid? id) =>
        id is null ? null : _servers.Single(s => s.Value == id).Key;

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private async Task ApplyAsync(CaseSetup setup)
    {
        var aliasDomains = new Dictionary<string, Guid>();
        var fresh = await GetAsync("/api/alias-domains");
        var databaseDomain = fresh.EnumerateArray().Single(d =>
            string.Equals(d.GetProperty("domain").GetString(), setup.DatabaseDomain,
                StringComparison.OrdinalIgnoreCase));
        aliasDomains["default"] = databaseDomain.GetProperty("id").GetGuid();

        if (setup.DefaultAliasDomain is { } overrides)
        {
            await SendAsync(
                HttpMethod.Patch,
                $"/api/alias-domains/{aliasDomains["default"]}",
                Fields(
                    ("bounceAlias", overrides.BounceAlias),
                    ("catchallAlias", overrides.CatchallAlias),
                    ("defaultFrom", overrides.DefaultFrom),
                    ("sequence", overrides.Sequence)),
                200);
        }

        foreach (var domain in setup.AliasDomains)
        {
            var created = await SendAsync(HttpMethod.Post, "/api/alias-domains", new Dictionary<string, object?>
            {
                ["domain"] = domain.Domain,
                ["bounceAlias"] = domain.BounceAlias,
                ["catchallAlias"] = domain.CatchallAlias,
                ["defaultFrom"] = domain.DefaultFrom,
                ["sequence"] = domain.Sequence,
            }, 201);
            aliasDomains[domain.Key] = created.GetProperty("id").GetGuid();
        }

        var companies = await GetAsync("/api/companies");
        _companies["default"] = companies.EnumerateArray().First().GetProperty("id").GetGuid();
        foreach (var company in setup.Companies)
        {
            var created = await SendAsync(HttpMethod.Post, "/api/companies", Fields(
                ("name", company.Name),
                ("aliasDomainId", company.AliasDomain is { } key ? aliasDomains[key] : null)), 201);
            _companies[company.Key] = created.GetProperty("id").GetGuid();
        }

        foreach (var (key, value) in setup.Parameters)
        {
            if (value is not null)
            {
                await SendAsync(HttpMethod.Put, $"/api/parameters/{key}", Fields(("value", value)), 200);
            }
        }

        foreach (var server in setup.Servers)
        {
            var created = await SendAsync(HttpMethod.Post, "/api/servers", ServerBody(server), 201);
            _servers[server.Key] = created.GetProperty("id").GetGuid();
        }

        if (setup.MassMailingDedicatedServer is { } dedicated)
        {
            await SendAsync(
                HttpMethod.Put,
                "/api/settings/mass-mailing",
                Fields(("dedicatedServerId", _servers[dedicated])),
                200);
        }
    }

    private static Dictionary<string, object?> ServerBody(CaseServer server)
    {
        var login = server.Authentication == "login";
        return Fields(
            ("name", server.Name),
            ("host", "smtp.routing-cases.test"),
            ("port", 587),
            ("encryption", "starttls"),
            ("authentication", server.Authentication),
            ("username", login ? "routing" : null),
            ("password", login ? "routing-case-password" : null),
            ("fromFilter", server.FromFilter),
            ("priority", server.Priority),
            ("active", server.Active));
    }

    // Only the fields given: a PATCH must not reset what the setup leaves as it was.
    private static Dictionary<string, object?> Fields(params (string Name, object? Value)[] fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value);

    private Task<JsonElement> GetAsync(string url) => Host.GetAsAdminAsync(url);

    private Task<JsonElement> SendAsync(
        HttpMethod method,
        string url,
        Dictionary<string, object?> body,
        int status) =>
        Host.SendAsAdminAsync(method, url, body, status);
}
