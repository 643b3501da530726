using NightPos.Domains.Contracts;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

/// <summary>
/// SPEC R4: mail to a bounce or catchall address, current or retired, finds its alias domain.
/// </summary>
public sealed class AddressOwnerTests(NightPosApp app)
{
    [Theory]
    [InlineData("bounce@{0}", AddressRole.Bounce)]
    [InlineData("catchall@{0}", AddressRole.Catchall)]
    [InlineData("BOUNCE@{0}", AddressRole.Bounce)]
    [InlineData(" Catchall@{0} ", AddressRole.Catchall)]
    public async Task Current_addresses_belong_to_their_alias_domain(string address, AddressRole role)
    {
        var domain = DomainsApi.UniqueDomain();
        var id = (await app.Host.AddAliasDomainAsync(domain)).Id();

        var owner = await FindAsync(string.Format(address, domain.ToUpperInvariant()));

        var stored = string.Format(address, domain).Trim().ToLowerInvariant();
        Assert.Equal(new AddressOwner(id, stored, role, false), owner);
    }

    [Fact]
    public async Task Addresses_retired_by_a_rename_still_find_their_alias_domain()
    {
        var (old, next) = (DomainsApi.UniqueDomain(), DomainsApi.UniqueDomain());
        var id = (await app.Host.AddAliasDomainAsync(old)).Id();

        await app.Host.PatchAliasDomainAsync(id, new { domain = next, catchallAlias = "replies" });

        await OwnerShouldBeAsync($"bounce@{old}", id, AddressRole.Bounce, retired: true);
        await OwnerShouldBeAsync($"catchall@{old}", id, AddressRole.Catchall, retired: true);
        await OwnerShouldBeAsync($"bounce@{next}", id, AddressRole.Bounce, retired: false);
        await OwnerShouldBeAsync($"replies@{next}", id, AddressRole.Catchall, retired: false);
        Assert.Null(await FindAsync($"catchall@{next}"));
    }

    [Fact]
    public async Task An_alias_changed_back_is_current_again()
    {
        var domain = DomainsApi.UniqueDomain();
        var id = (await app.Host.AddAliasDomainAsync(domain)).Id();

        await app.Host.PatchAliasDomainAsync(id, new { bounceAlias = "returns" });
        Assert.True((await FindAsync($"bounce@{domain}"))!.Retired);
        await app.Host.PatchAliasDomainAsync(id, new { bounceAlias = "bounce" });

        await OwnerShouldBeAsync($"bounce@{domain}", id, AddressRole.Bounce, retired: false);
        await OwnerShouldBeAsync($"returns@{domain}", id, AddressRole.Bounce, retired: true);
    }

    [Fact]
    public async Task A_domain_name_given_up_and_taken_by_another_alias_domain_routes_to_the_new_one()
    {
        var (shared, elsewhere) = (DomainsApi.UniqueDomain(), DomainsApi.UniqueDomain());
        var first = (await app.Host.AddAliasDomainAsync(shared)).Id();
        await app.Host.PatchAliasDomainAsync(first, new { domain = elsewhere });

        var second = (await app.Host.AddAliasDomainAsync(shared)).Id();

        await OwnerShouldBeAsync($"bounce@{shared}", second, AddressRole.Bounce, retired: false);
    }

    [Theory]
    [InlineData("notifications@{0}")]
    [InlineData("bounce@mail.{0}")]
    [InlineData("bounce@{0}.example.org")]
    [InlineData("bounce.x@{0}")]
    [InlineData("bounce")]
    [InlineData("")]
    [InlineData("\"bounce\"@")]
    public async Task Other_addresses_have_no_owner(string address)
    {
        var domain = DomainsApi.UniqueDomain();
        await app.Host.AddAliasDomainAsync(domain);

        Assert.Null(await FindAsync(string.Format(address, domain)));
    }

    private async Task OwnerShouldBeAsync(
        string address,
        Guid aliasDomainId,
        AddressRole role,
        bool retired)
    {
        Assert.Equal(new AddressOwner(aliasDomainId, address, role, retired), await FindAsync(address));
    }

    private Task<AddressOwner?> FindAsync(string address) =>
        app.Host.InvokeAsync<AddressOwner?>(new FindAddressOwner(address));
}
