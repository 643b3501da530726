using Alba;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Dispatch.Messages;

namespace NightPos.Dispatch.Tests.Hosting;

/// <summary>
/// What the store holds about the messages of one test (found by a recipient domain).
/// </summary>
public static class Recorded
{
    public static async Task<IReadOnlyList<MessageQueued>> QueuedForAsync(
        this IAlbaHost host,
        string domain)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(MessageQueued)))
            .ToListAsync();
        return events
            .Select(e => (MessageQueued)e.Data)
            .Where(q => q.Recipients.Any(r => r.Address.EndsWith("@" + domain)))
            .ToList();
    }

    public static async Task<IReadOnlyList<IEvent>> EventsOfAsync(this IAlbaHost host, Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }

    public static async Task<MessageContent?> ContentOfAsync(this IAlbaHost host, Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<MessageContent>(id);
    }

    /// <summary>A recipient domain no other test uses.</summary>
    public static string NewDomain() => $"t{Guid.NewGuid():N}"[..16] + ".example";
}
