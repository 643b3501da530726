using NightPos.Domains.AliasDomains;
using NightPos.Domains.Contracts;

namespace NightPos.Domains.Tests;

/// <summary>The pure rules the projection, the as-of replay and the change answers share.</summary>
public sealed class AliasDomainRuleTests
{
    private static readonly DateTimeOffset At = new(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("3f9b7c1e-2a4d-4e6f-8a0b-1c2d3e4f5a6b");

    private static readonly AliasDomain Shop = AliasDomain.Started(
        new AliasDomainAdded(Id, "shop.example.com", "bounce", "catchall", "notifications", 10),
        At);

    [Fact]
    public void A_field_given_the_value_it_has_decides_no_event()
    {
        var names = AliasDomainNames.Parse("shop.example.com", "bounce", "catchall", "notifications", 10);

        Assert.Empty(ChangeAliasDomainEndpoint.Decide(Shop, names, At));
    }

    [Fact]
    public void Renaming_and_changing_the_catchall_at_once_retires_only_addresses_that_were_in_use()
    {
        var names = AliasDomainNames.Parse("store.example.com", null, "replies", null, null);

        var changes = ChangeAliasDomainEndpoint.Decide(Shop, names, At);

        Assert.Equal(
            [
                new AliasDomainRenamed(Id, "shop.example.com", "store.example.com"),
                new CatchallAliasChanged(Id, "catchall", "replies"),
                new AliasAddressRetired(Id, "bounce@shop.example.com", AddressRole.Bounce),
                new AliasAddressRetired(Id, "catchall@shop.example.com", AddressRole.Catchall),
            ],
            changes);
    }

    [Fact]
    public void Swapping_the_bounce_and_catchall_aliases_retires_nothing()
    {
        var names = AliasDomainNames.Parse(null, "catchall", "bounce", null, null);

        var changes = ChangeAliasDomainEndpoint.Decide(Shop, names, At);

        Assert.DoesNotContain(changes, c => c is AliasAddressRetired);
    }

    [Fact]
    public void A_rename_undone_makes_the_old_addresses_current_again()
    {
        var away = Fold(Shop, AliasDomainNames.Parse("store.example.com", null, null, null, null));
        Assert.Equal(2, away.RetiredAddresses.Count);

        var back = Fold(away, AliasDomainNames.Parse("shop.example.com", null, null, null, null));

        Assert.Equal(["bounce@store.example.com", "catchall@store.example.com"],
            back.RetiredAddresses.Select(r => r.Address));
        Assert.Equal((AddressRole.Bounce, false), back.RoleOf("bounce@shop.example.com"));
        Assert.Equal((AddressRole.Bounce, true), back.RoleOf("bounce@store.example.com"));
    }

    [Fact]
    public void An_address_retired_twice_is_kept_once_with_its_latest_instant()
    {
        var once = Fold(Shop, AliasDomainNames.Parse(null, "returns", null, null, null));
        var back = Fold(once, AliasDomainNames.Parse(null, "bounce", null, null, null));

        var twice = Fold(back, AliasDomainNames.Parse(null, "returns", null, null, null), At.AddDays(1));

        var retired = twice.RetiredAddresses.Where(r => r.Address == "bounce@shop.example.com").ToList();
        Assert.Equal(At.AddDays(1), Assert.Single(retired).RetiredAt);
    }

    [Theory]
    [InlineData("notifications", "notifications@shop.example.com")]
    [InlineData("news@shop.example.com", "news@shop.example.com")]
    [InlineData("info@other.example.org", "info@other.example.org")]
    public void The_notification_address_is_the_default_from_at_the_domain_or_the_whole_address(
        string defaultFrom,
        string expected)
    {
        Assert.Equal(expected, (Shop with { DefaultFrom = defaultFrom }).NotificationAddress);
    }

    [Fact]
    public void A_current_owner_wins_over_one_that_retired_the_address()
    {
        var retiredIt = Fold(Shop, AliasDomainNames.Parse("store.example.com", null, null, null, null));
        var newcomer = Shop with { Id = Guid.NewGuid(), RetiredAddresses = [] };

        var owner = FindAddressOwnerHandler.Owner("bounce@shop.example.com", [retiredIt, newcomer]);

        Assert.Equal(
            new AddressOwner(newcomer.Id, "bounce@shop.example.com", AddressRole.Bounce, false),
            owner);
    }

    [Fact]
    public void Of_two_that_retired_an_address_the_latest_wins()
    {
        var early = Shop with
        {
            Id = Guid.NewGuid(),
            RetiredAddresses = [new RetiredAddress("bounce@old.example.com", AddressRole.Bounce, At)],
        };
        var late = Shop with
        {
            Id = Guid.NewGuid(),
            RetiredAddresses =
                [new RetiredAddress("bounce@old.example.com", AddressRole.Bounce, At.AddHours(1))],
        };

        const string address = "bounce@old.example.com";
        Assert.Equal(late.Id, FindAddressOwnerHandler.Owner(address, [late, early])!.AliasDomainId);
        Assert.Equal(late.Id, FindAddressOwnerHandler.Owner(address, [early, late])!.AliasDomainId);
    }

    public static TheoryData<string, string, string[], string[]> LocalPartCases => new()
    {
        // bounce alias, default-from, local parts mail went out from => the list
        { "bounce", "notifications", [], ["bounce", "notifications", "admin", "nightposbot"] },
        {
            "returns", "admin", ["sales", "billing", "returns"],
            ["returns", "admin", "nightposbot", "billing", "sales"]
        },
        {
            "bounce", "info@other.example.org", ["nightposbot"],
            ["bounce", "info", "admin", "nightposbot"]
        },
    };

    [Theory]
    [MemberData(nameof(LocalPartCases))]
    public void Local_parts_list_the_product_s_own_first_then_the_senders_alphabetically(
        string bounceAlias,
        string defaultFrom,
        string[] used,
        string[] expected)
    {
        var domain = Shop with { BounceAlias = bounceAlias, DefaultFrom = defaultFrom };

        Assert.Equal(expected, GetLocalPartsEndpoint.LocalParts(domain, used));
    }

    private static AliasDomain Fold(
        AliasDomain state,
        AliasDomainNames names,
        DateTimeOffset? at = null)
    {
        var instant = at ?? At;
        return ChangeAliasDomainEndpoint.Decide(state, names, instant)
            .Aggregate(state, (s, change) => s.Changed(change, instant));
    }
}
