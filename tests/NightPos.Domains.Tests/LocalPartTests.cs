using NightPos.Domains.Contracts;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

/// <summary>SPEC R15: the local parts an administrator whitelists for an alias domain.</summary>
public sealed class LocalPartTests(NightPosApp app)
{
    [Fact]
    public async Task A_new_alias_domain_lists_its_bounce_and_default_from_then_admin_and_bot()
    {
        var id = (await app.Host.AddAliasDomainAsync(DomainsApi.UniqueDomain())).Id();

        Assert.Equal(["bounce", "notifications", "admin", "nightposbot"], await LocalPartsAsync(id));
    }

    [Fact]
    public async Task Local_parts_mail_went_out_from_are_added_once_in_alphabetical_order()
    {
        var domain = DomainsApi.UniqueDomain();
        var other = DomainsApi.UniqueDomain();
        var id = (await app.Host.AddAliasDomainAsync(domain)).Id();
        await app.Host.AddAliasDomainAsync(other);

        foreach (var address in new[]
        {
            $"Sales@{domain}",
            $"newsletter@{domain.ToUpperInvariant()}",
            $"sales@{domain}",
            $"admin@{domain}",
            $"billing@{other}",
            $"mary@not-ours-{domain}",
            $"\"Mary Smith\"@{domain}",
            "no address at all",
            $"mmail@{domain}.evil.example",
        })
        {
            await app.Host.SendInProcessAsync(new SenderAddressUsed(address));
        }

        Assert.Equal(
            ["bounce", "notifications", "admin", "nightposbot", "newsletter", "sales"],
            await LocalPartsAsync(id));
    }

    [Fact]
    public async Task The_list_follows_changes_of_the_bounce_and_default_from_aliases()
    {
        var domain = DomainsApi.UniqueDomain();
        var id = (await app.Host.AddAliasDomainAsync(domain)).Id();

        await app.Host.PatchAliasDomainAsync(
            id, new { bounceAlias = "returns", defaultFrom = $"Hello@{domain}" });

        Assert.Equal(["returns", "hello", "admin", "nightposbot"], await LocalPartsAsync(id));
    }

    [Fact]
    public async Task A_default_from_that_is_the_admin_address_is_listed_once()
    {
        var id = (await app.Host.AddAliasDomainAsync(new
        {
            domain = DomainsApi.UniqueDomain(),
            defaultFrom = "admin",
        })).Id();

        Assert.Equal(["bounce", "admin", "nightposbot"], await LocalPartsAsync(id));
    }

    private async Task<List<string>> LocalPartsAsync(Guid id)
    {
        var parts = await app.Host.GetJsonAsync($"/api/alias-domains/{id}/local-parts");
        return parts.EnumerateArray().Select(p => p.GetString()!).ToList();
    }
}
