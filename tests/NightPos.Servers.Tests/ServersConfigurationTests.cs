using System.Reflection;
using System.Text.Json;
using NightPos.Kernel;
using NightPos.Servers.Configuration;
using NightPos.Servers.Contracts;
using NightPos.Servers.OutgoingServers;
using NightPos.Testing;

namespace NightPos.Servers.Tests;

/// <summary>
/// The in-process contracts GetServersConfiguration and GetServersConfigurationRevision, now and
/// at a past instant (SPEC R16).
/// </summary>
public sealed class ServersConfigurationTests(ServersApp app)
{
    [Fact]
    public async Task Configuration_lists_servers_in_creation_order_without_secrets()
    {
        var first = await AddAsync("Zeta created first");
        var second = await AddAsync("Alpha created second");

        var configuration = await app.ConfigurationAsync();

        var ours = configuration.Servers.Where(s => s.Id == first || s.Id == second).ToList();
        Assert.Equal([first, second], ours.Select(s => s.Id));
        Assert.True(ours[0].CreationOrder < ours[1].CreationOrder);
        Assert.All(ours, s => Assert.True(s.HasPassword));
        Assert.Equal(
            configuration.Servers.OrderBy(s => s.CreationOrder).Select(s => s.Id),
            configuration.Servers.Select(s => s.Id));
    }

    [Fact]
    public async Task Revision_changes_with_every_change_and_only_then()
    {
        var before = await app.RevisionAsync();
        var id = await AddAsync("Revisioned");
        var added = await app.RevisionAsync();

        await PatchAsync(id, """{ "name": "Revisioned" }""");
        var unchanged = await app.RevisionAsync();
        await PatchAsync(id, """{ "priority": 4 }""");
        var prioritized = await app.RevisionAsync();

        Assert.NotEqual(before, added);
        Assert.Equal(added, unchanged);
        Assert.NotEqual(added, prioritized);
        Assert.Equal(prioritized, (await app.ConfigurationAsync()).Revision);
    }

    [Fact]
    public async Task Revision_of_now_rebuilt_from_events_equals_the_current_one()
    {
        await AddAsync("Rebuilt");

        var current = await app.ConfigurationAsync();
        var rebuilt = await app.ConfigurationAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(current.Revision, rebuilt.Revision);
        Assert.Equal(
            JsonSerializer.Serialize(current.Servers),
            JsonSerializer.Serialize(rebuilt.Servers));
        Assert.Equal(current.DedicatedMassMailingServerId, rebuilt.DedicatedMassMailingServerId);
    }

    [Fact]
    public async Task Configuration_at_an_instant_shows_the_servers_as_they_stood()
    {
        var id = await AddAsync("Old name");
        await PatchAsync(id, """{ "name": "New name", "active": false }""");
        await ServerApi.DeleteAsync(app.Host, $"/api/servers/{id}");
        var at = await EventTimesAsync(id);

        var beforeCreation = await app.ConfigurationAsync(at[0].AddMilliseconds(-1));
        var created = await app.ConfigurationAsync(at[0]);
        var renamed = await app.ConfigurationAsync(at[1]);
        var deleted = await app.ConfigurationAsync(at[^1]);

        Assert.DoesNotContain(beforeCreation.Servers, s => s.Id == id);
        Assert.Equal("Old name", created.Servers.Single(s => s.Id == id).Name);
        Assert.True(created.Servers.Single(s => s.Id == id).Active);
        Assert.Equal("New name", renamed.Servers.Single(s => s.Id == id).Name);
        Assert.DoesNotContain(deleted.Servers, s => s.Id == id);
    }

    [Fact]
    public async Task Configuration_carries_the_dedicated_mass_mailing_server()
    {
        var id = await AddAsync("Dedicated");

        await ServerApi.PutAsync(app.Host, "/api/settings/mass-mailing",
            $$"""{ "dedicatedServerId": "{{id}}" }""");
        var chosen = await app.ConfigurationAsync();
        await ServerApi.PutAsync(app.Host, "/api/settings/mass-mailing",
            """{ "dedicatedServerId": null }""");
        var cleared = await app.ConfigurationAsync();

        Assert.Equal(id, chosen.DedicatedMassMailingServerId);
        Assert.Null(cleared.DedicatedMassMailingServerId);
        Assert.NotEqual(chosen.Revision, cleared.Revision);
    }

    [Fact]
    public void Every_configuration_event_of_the_module_is_a_servers_event_and_a_test_is_none()
    {
        var configurationEvents = typeof(OutgoingServer).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAssignableTo(typeof(IConfigurationEvent)))
            .ToHashSet();

        Assert.Equal(configurationEvents, ServersEventTypes.ConfigurationChanges.ToHashSet());
        Assert.DoesNotContain(typeof(ServerConnectionTested), configurationEvents);
    }

    private async Task<Guid> AddAsync(string name) =>
        await ServerApi.AddIdAsync(app.Host, ServerApi.LoginServer(name));

    private async Task PatchAsync(Guid id, string json)
    {
        var (status, _, text) = await ServerApi.PatchAsync(
            app.Host, $"/api/servers/{id}", json);
        Assert.True(status == 200, text);
    }

    private async Task<List<DateTimeOffset>> EventTimesAsync(Guid stream)
    {
        var (_, history, _) = await ServerApi.GetAsync(
            app.Host, $"/api/history?stream={stream}", TestKeys.Auditor);
        return history.EnumerateArray()
            .Select(e => e.GetProperty("at").GetDateTimeOffset())
            .ToList();
    }
}
