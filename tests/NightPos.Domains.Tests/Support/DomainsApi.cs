using System.Text.Json;
using Alba;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Testing;
using Wolverine;

namespace NightPos.Domains.Tests.Support;

/// <summary>The requests and reads the Domains tests share, against one running host.</summary>
public static class DomainsApi
{
    /// <summary>
    /// A domain name no other test uses, so that tests on one database stay apart.
    /// </summary>
    public static string UniqueDomain(string stem = "example.com") =>
        $"t{Guid.NewGuid():N}"[..12] + "." + stem;

    public static async Task<JsonElement> AddAliasDomainAsync(this IAlbaHost host, object body)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/alias-domains");
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    public static Task<JsonElement> AddAliasDomainAsync(this IAlbaHost host, string domain) =>
        host.AddAliasDomainAsync(new { domain });

    public static async Task<JsonElement> PatchAliasDomainAsync(
        this IAlbaHost host,
        Guid id,
        object body)
    {
        var result = await host.Scenario(s =>
        {
            s.Patch.Json(body).ToUrl($"/api/alias-domains/{id}");
            s.AsAdmin();
            s.StatusCodeShouldBe(200);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> AddCompanyAsync(this IAlbaHost host, object body)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/companies");
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetJsonAsync(this IAlbaHost host, string url)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.AsAuditor();
            s.StatusCodeShouldBe(200);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Sends a request that must be refused, and answers the problem details after checking
    /// that they are problem details and that the refusal appended no event.
    /// </summary>
    public static async Task<JsonElement> RefusedAsync(
        this IAlbaHost host,
        Action<Scenario> request,
        int status)
    {
        var before = await host.EventCountAsync();
        var result = await host.Scenario(s =>
        {
            request(s);
            s.AsAdmin();
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });

        Assert.Equal(before, await host.EventCountAsync());
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Asserts that the problem names the field, in its detail and in its errors.
    /// </summary>
    public static void ShouldName(this JsonElement problem, string field)
    {
        Assert.Contains(field, problem.GetProperty("detail").GetString());
        Assert.True(
            problem.GetProperty("errors").TryGetProperty(field, out _),
            $"errors names no '{field}': {problem}");
    }

    /// <summary>
    /// Counts the events of the store, leaving out the tombstones Marten writes when a
    /// transaction that had reserved sequence numbers rolls back: those record no change.
    /// </summary>
    public static async Task<long> EventCountAsync(this IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName != "tombstone")
            .LongCountAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<IReadOnlyList<IEvent>> EventsOfAsync(this IAlbaHost host, Guid stream)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(stream, token: TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Asks a module in-process, as the routing code does (IMessageBus.InvokeAsync).
    /// </summary>
    public static async Task<T> InvokeAsync<T>(this IAlbaHost host, object message)
    {
        using var scope = host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        return await bus.InvokeAsync<T>(message, TestContext.Current.CancellationToken);
    }

    public static async Task SendInProcessAsync(this IAlbaHost host, object message)
    {
        using var scope = host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        await bus.InvokeAsync(message, TestContext.Current.CancellationToken);
    }

    public static async Task<Guid> DefaultAliasDomainIdAsync(this IAlbaHost host)
    {
        var domains = await host.GetJsonAsync("/api/alias-domains");
        return domains.EnumerateArray()
            .Single(d => d.Text("domain") == "company-name.nightpos.com")
            .Id();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Text(this JsonElement element, string property) =>
        element.GetProperty(property).GetString()!;
}
