using System.Text.Json;
using NightPos.Servers.Tests.SmtpPeers;

namespace NightPos.Servers.Tests;

/// <summary>
/// Every malformed field is answered with problem details naming it, and a refused request
/// appends no event (issue "Bad input"; SPEC R8, R17).
/// </summary>
public sealed class ServerValidationTests(ServersApp app)
{
    private const string Valid = "\"name\": \"Valid\", \"host\": \"smtp.example.com\", "
        + "\"port\": 587, \"encryption\": \"starttls\", \"authentication\": \"login\", "
        + "\"username\": \"mailer\", \"password\": \"pw\"";

    // Each body differs from a valid server in one field; the near misses are deliberate:
    // the right word in the wrong case, a port one past the range, a filter that is almost a
    // list, a line break hidden at the end of a value.
    public static TheoryData<string, string> BadServers => new()
    {
        { Replace("\"name\": \"Valid\", ", ""), "name" },
        { Replace("\"name\": \"Valid\"", "\"name\": \"   \""), "name" },
        { Replace("\"name\": \"Valid\"", "\"name\": \"Valid\\r\\nX-Injected: 1\""), "name" },
        { Replace("\"host\": \"smtp.example.com\"", "\"host\": \"smtp example.com\""), "host" },
        { Replace("\"host\": \"smtp.example.com\"", "\"host\": \"smtp.example.com\\r\\n\""),
            "host" },
        { Replace("\"host\": \"smtp.example.com\"", "\"host\": \"-smtp.example.com\""), "host" },
        { Replace("\"host\": \"smtp.example.com\"", "\"host\": \"\""), "host" },
        { Replace("\"port\": 587", "\"port\": 25"), "port" },
        { Replace("\"port\": 587", "\"port\": 0"), "port" },
        { Replace("\"port\": 587", "\"port\": -587"), "port" },
        { Replace("\"port\": 587", "\"port\": 65536"), "port" },
        { Replace("\"port\": 587", "\"port\": 99999999999"), "port" },
        { Replace("\"port\": 587", "\"port\": \"587 or so\""), "port" },
        { Replace("\"encryption\": \"starttls\"", "\"encryption\": \"tls\""), "encryption" },
        { Replace("\"encryption\": \"starttls\"", "\"encryption\": \"STARTTLS\""), "encryption" },
        { Replace("\"encryption\": \"starttls\"", "\"encryption\": \"start-tls\""), "encryption" },
        { Replace("\"encryption\": \"starttls\"", "\"encryption\": \"\""), "encryption" },
        { Replace("\"authentication\": \"login\"", "\"authentication\": \"oauth2\""),
            "authentication" },
        { Replace("\"authentication\": \"login\"", "\"authentication\": \"Login\""),
            "authentication" },
        { Replace("\"username\": \"mailer\"", "\"username\": \"mai\\nler\""), "username" },
        { Replace(", \"username\": \"mailer\"", ""), "username" },
        { Replace(", \"password\": \"pw\"", ""), "password" },
        { With(", \"fromFilter\": \"example .com\""), "fromFilter" },
        { With(", \"fromFilter\": \"example.com; example.org\""), "fromFilter" },
        { With(", \"fromFilter\": \"admin@@example.com\""), "fromFilter" },
        { With(", \"fromFilter\": \"@example.com\""), "fromFilter" },
        { With(", \"fromFilter\": \".example.com\""), "fromFilter" },
        { With(", \"fromFilter\": \"example.com\\r\\nBcc: victim@example.org\""), "fromFilter" },
        { With(", \"fromFilter\": \"example.com\\n\""), "fromFilter" },
        { With(", \"fromFilter\": \"localhost\""), "fromFilter" },
        { With(", \"certificate\": \"-----BEGIN CERTIFICATE-----\""), "certificate" },
        { Replace("\"authentication\": \"login\", \"username\": \"mailer\", \"password\": \"pw\"",
            "\"authentication\": \"cli\", \"password\": \"pw\""), "password" },
        { Replace("\"encryption\": \"starttls\", \"authentication\": \"login\", "
            + "\"username\": \"mailer\", \"password\": \"pw\"",
            "\"encryption\": \"none\", \"authentication\": \"certificate\""), "encryption" },
        { Replace("\"authentication\": \"login\", \"username\": \"mailer\", \"password\": \"pw\"",
            "\"authentication\": \"certificate\""), "certificate" },
        { Replace("\"authentication\": \"login\", \"username\": \"mailer\", \"password\": \"pw\"",
            "\"authentication\": \"certificate\", \"certificate\": \"x\", "
            + "\"privateKey\": \"y\""), "certificate" },
    };

    [Fact]
    public async Task Post_accepts_the_valid_body_the_bad_ones_differ_from()
    {
        var (status, _, text) = await ServerApi.PostAsync(
            app.Host, "/api/servers", With(""));

        Assert.True(status == 201, $"{status}: {text}");
    }

    [Theory]
    [MemberData(nameof(BadServers))]
    public async Task Post_refuses_a_bad_field_naming_it_and_appends_nothing(
        string json,
        string field)
    {
        var before = await app.EventCountAsync();

        var (status, problem, text) = await ServerApi.PostAsync(app.Host, "/api/servers", json);

        Assert.True(status == 400, $"{status}: {text}");
        AssertNames(problem, field);
        Assert.Equal(before, await app.EventCountAsync());
    }

    public static TheoryData<string, string> BadChanges => new()
    {
        { """{ "port": 25 }""", "port" },
        { """{ "port": 70000 }""", "port" },
        { """{ "encryption": "tls" }""", "encryption" },
        { """{ "name": "" }""", "name" },
        { """{ "fromFilter": "mail.example.com,,exa mple.org" }""", "fromFilter" },
        { """{ "encryption": "none", "authentication": "certificate" }""", "encryption" },
        { """{ "authentication": "certificate" }""", "certificate" },
        { """{ "username": "" }""", "username" },
        { """{ "host": "smtp.example.com\r" }""", "host" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task Patch_refuses_a_bad_field_naming_it_and_appends_nothing(
        string json,
        string field)
    {
        var id = await AddValidAsync();
        var before = await app.EventCountAsync();

        var (status, problem, text) = await ServerApi.PatchAsync(
            app.Host, $"/api/servers/{id}", json);

        Assert.True(status == 400, $"{status}: {text}");
        AssertNames(problem, field);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Theory]
    [InlineData("PATCH", "/api/servers/{0}", """{ "name": "Renamed" }""")]
    [InlineData("DELETE", "/api/servers/{0}", null)]
    [InlineData("GET", "/api/servers/{0}", null)]
    [InlineData("POST", "/api/servers/{0}/test", null)]
    public async Task Unknown_server_id_is_a_404_naming_the_id(
        string method,
        string url,
        string? json)
    {
        var before = await app.EventCountAsync();

        var (status, problem, _) = await ServerApi.SendAsync(
            app.Host, new HttpMethod(method), string.Format(url, Guid.NewGuid()), json);

        Assert.Equal(404, status);
        AssertNames(problem, "id");
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Mass_mailing_refuses_an_unknown_server_with_a_404()
    {
        var before = await app.EventCountAsync();

        var (status, problem, _) = await ServerApi.PutAsync(app.Host,
            "/api/settings/mass-mailing", $$"""{ "dedicatedServerId": "{{Guid.NewGuid()}}" }""");

        Assert.Equal(404, status);
        AssertNames(problem, "dedicatedServerId");
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Mass_mailing_refuses_an_archived_server_with_a_409()
    {
        var id = await AddValidAsync();
        await ServerApi.PatchAsync(app.Host, $"/api/servers/{id}", """{ "active": false }""");
        var before = await app.EventCountAsync();

        var (status, problem, _) = await ServerApi.PutAsync(app.Host,
            "/api/settings/mass-mailing", $$"""{ "dedicatedServerId": "{{id}}" }""");

        Assert.Equal(409, status);
        AssertNames(problem, "dedicatedServerId");
        Assert.Equal(before, await app.EventCountAsync());
    }

    private static string Replace(string part, string with)
    {
        Assert.Contains(part, Valid);
        return "{" + Valid.Replace(part, with) + "}";
    }

    private static string With(string fields) => "{" + Valid + fields + "}";

    private static void AssertNames(JsonElement problem, string field)
    {
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains(field, detail);
        if (problem.TryGetProperty("errors", out var errors))
        {
            Assert.True(errors.TryGetProperty(field, out _), $"errors lacks {field}: {errors}");
        }
    }

    private async Task<Guid> AddValidAsync()
    {
        return await ServerApi.AddIdAsync(
            app.Host, ServerApi.LoginServer($"Valid {Guid.NewGuid():N}"));
    }
}
