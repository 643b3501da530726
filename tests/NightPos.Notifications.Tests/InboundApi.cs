using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Notifications.Tests;

/// <summary><c>POST /api/inbound</c> as a mail server drives it.</summary>
public sealed class InboundApi(IAlbaHost host)
{
    public async Task<JsonElement> DeliverAsync(
        byte[] raw,
        int status = 200,
        string? recipient = null)
    {
        var result = await host.Scenario(s =>
        {
            var send = s.Post.ByteArray(raw).ToUrl("/api/inbound");
            if (recipient is not null)
            {
                send.QueryString("recipient", recipient);
            }

            s.WithRequestHeader("Content-Type", "message/rfc822");
            s.AsSender();
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> UnroutedAsync()
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url("/api/inbound/unrouted?limit=1000");
            s.AsAuditor();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
