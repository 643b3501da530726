using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Servers.Tests;

/// <summary>
/// The calls the tests make over HTTP, as an administrator unless told otherwise; each answers
/// the status, the JSON body (default when empty) and the body's text.
/// </summary>
public static class ServerApi
{
    public static async Task<JsonElement> AddAsync(IAlbaHost host, object body)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/servers");
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    public static async Task<Guid> AddIdAsync(IAlbaHost host, object body) =>
        (await AddAsync(host, body)).GetProperty("id").GetGuid();

    public static Task<(int Status, JsonElement Body, string Text)> GetAsync(
        IAlbaHost host,
        string url,
        string key = TestKeys.Admin) =>
        SendAsync(host, HttpMethod.Get, url, null, key);

    public static Task<(int Status, JsonElement Body, string Text)> PostAsync(
        IAlbaHost host,
        string url,
        string? json) =>
        SendAsync(host, HttpMethod.Post, url, json);

    public static Task<(int Status, JsonElement Body, string Text)> PatchAsync(
        IAlbaHost host,
        string url,
        string json) =>
        SendAsync(host, HttpMethod.Patch, url, json);

    public static Task<(int Status, JsonElement Body, string Text)> PutAsync(
        IAlbaHost host,
        string url,
        string json) =>
        SendAsync(host, HttpMethod.Put, url, json);

    public static Task<(int Status, JsonElement Body, string Text)> DeleteAsync(
        IAlbaHost host,
        string url) =>
        SendAsync(host, HttpMethod.Delete, url, null);

    /// <summary>Tests the server's connection; the answer must be a 200.</summary>
    public static async Task<JsonElement> TestConnectionAsync(IAlbaHost host, Guid id)
    {
        var (status, result, text) = await PostAsync(host, $"/api/servers/{id}/test", null);
        Assert.True(status == 200, text);
        return result;
    }

    /// <summary>The login the loopback SMTP peers of these tests accept.</summary>
    public static readonly (string Username, string Password) PeerLogin =
        ("probe-user", "Corr3ct-Horse-Battery");

    /// <summary>A loopback peer's server record, logging in as <see cref="PeerLogin"/>.</summary>
    public static object PeerServer(
        string name,
        string host,
        int port,
        string encryption,
        bool acceptInvalidCertificate = false) => new
    {
        name,
        host,
        port,
        encryption,
        authentication = "login",
        username = PeerLogin.Username,
        password = PeerLogin.Password,
        fromFilter = "probe@example.com",
        acceptInvalidCertificate,
    };

    public static object LoginServer(string name, int port = 587, string? fromFilter = null) => new
    {
        name,
        host = "smtp.example.com",
        port,
        encryption = "starttls",
        authentication = "login",
        username = "mailer",
        password = "s3cret-Pa55",
        fromFilter,
    };

    public static async Task<(int Status, JsonElement Body, string Text)> SendAsync(
        IAlbaHost host,
        HttpMethod method,
        string url,
        string? json,
        string key = TestKeys.Admin)
    {
        var result = await host.Scenario(s =>
        {
            if (method == HttpMethod.Post)
            {
                s.Post.Url(url);
            }
            else if (method == HttpMethod.Patch)
            {
                s.Patch.Url(url);
            }
            else if (method == HttpMethod.Put)
            {
                s.Put.Url(url);
            }
            else if (method == HttpMethod.Delete)
            {
                s.Delete.Url(url);
            }
            else
            {
                s.Get.Url(url);
            }

            if (json is not null)
            {
                s.Body.TextIs(json);
                s.WithRequestHeader("Content-Type", "application/json");
            }

            s.WithKey(key);
            s.IgnoreStatusCode();
        });

        var text = await result.ReadAsTextAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (result.Context.Response.StatusCode, body, text);
    }
}
