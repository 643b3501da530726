using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Hosting;

/// <summary>Sending over HTTP and watching a message's state, without sleeping.</summary>
public static class Messages
{
    public static async Task<(Guid Id, string MessageId)> SendAsync(
        this IAlbaHost host,
        object body)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/messages");
            s.AsSender();
            s.StatusCodeShouldBe(202);
        });
        var answer = await result.ReadAsJsonAsync<JsonElement>();
        return (answer.GetProperty("id").GetGuid(), answer.GetProperty("messageId").GetString()!);
    }

    public static async Task<JsonElement> GetMessageAsync(this IAlbaHost host, Guid id)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url($"/api/messages/{id}");
            s.AsAuditor();
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Polls the message until <paramref name="condition"/> holds, for at most
    /// <paramref name="seconds"/>; fails with the last state seen.
    /// </summary>
    public static async Task<JsonElement> WaitForAsync(
        this IAlbaHost host,
        Guid id,
        Func<JsonElement, bool> condition,
        int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var message = await host.GetMessageAsync(id);
            if (condition(message))
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Message {id} never got there: {message}");
            await Task.Delay(100);
        }
    }

    public static Task<JsonElement> WaitForStateAsync(
        this IAlbaHost host,
        Guid id,
        string state,
        int seconds = 30) =>
        host.WaitForAsync(id, m => m.GetProperty("state").GetString() == state, seconds);

    public static string State(this JsonElement message) =>
        message.GetProperty("state").GetString()!;
}
