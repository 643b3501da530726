using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Routing.Tests;

/// <summary>Configuration calls through API.md's routes with the administrator's key.</summary>
internal static class ApiCalls
{
    public static async Task<JsonElement> GetAsAdminAsync(this IAlbaHost host, string url)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.AsAdmin();
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    /// <summary>Sends a JSON body and answers the JSON answer (default when it has none).</summary>
    public static async Task<JsonElement> SendAsAdminAsync(
        this IAlbaHost host,
        HttpMethod method,
        string url,
        Dictionary<string, object?> body,
        int status)
    {
        var result = await host.Scenario(s =>
        {
            var send = method == HttpMethod.Post ? s.Post
                : method == HttpMethod.Put ? s.Put
                : s.Patch;
            send.Json(body).ToUrl(url);
            s.AsAdmin();
            s.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
