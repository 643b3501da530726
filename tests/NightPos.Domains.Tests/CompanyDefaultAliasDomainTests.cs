using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NightPos.Domains.AliasDomains;
using NightPos.Domains.Companies;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

/// <summary>
/// SPEC R2: a company created without an alias domain gets the lowest sequence, ties the oldest.
/// </summary>
public sealed class CompanyDefaultAliasDomainTests
{
    [Fact]
    public async Task A_company_without_an_alias_domain_gets_the_lowest_sequence_and_ties_the_oldest()
    {
        // A frozen clock gives every alias domain the same creation time: only the order of
        // creation can tell the oldest apart.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = await NightPosApp.StartAsync(builder =>
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(clock)));
        var host = app.Host;
        var byDefault = await host.DefaultAliasDomainIdAsync();

        // The default alias domain (sequence 10) is older than one added with sequence 10.
        await host.AddAliasDomainAsync(new { domain = "tie.example.com", sequence = 10 });
        Assert.Equal(byDefault, await AliasDomainOfNewCompanyAsync(host));

        // A newer alias domain with a lower sequence wins over older ones.
        await host.AddAliasDomainAsync(new { domain = "later.example.com", sequence = 7 });
        var lowest = (await host.AddAliasDomainAsync(
            new { domain = "lowest.example.com", sequence = 5 })).Id();
        Assert.Equal(lowest, await AliasDomainOfNewCompanyAsync(host));

        // Of two with the lowest sequence the older wins, whichever was created first.
        var rival = (await host.AddAliasDomainAsync(
            new { domain = "rival.example.com", sequence = 5 })).Id();
        Assert.Equal(lowest, await AliasDomainOfNewCompanyAsync(host));

        // Resequencing changes the choice for companies created afterwards.
        await host.PatchAliasDomainAsync(lowest, new { sequence = 6 });
        Assert.Equal(rival, await AliasDomainOfNewCompanyAsync(host));
        await host.PatchAliasDomainAsync(rival, new { sequence = 0 });
        Assert.Equal(rival, await AliasDomainOfNewCompanyAsync(host));
    }

    public static TheoryData<int[], int> Choices => new()
    {
        // sequences in creation order => index of the alias domain chosen
        { [10], 0 },
        { [10, 10], 0 },
        { [10, 9], 1 },
        { [10, 11, 9, 9], 2 },
        { [0, 0, 0], 0 },
        { [5, 3, 4, 3], 1 },
        { [int.MaxValue, 0], 1 },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void DefaultAliasDomain_orders_by_sequence_then_creation(int[] sequences, int expected)
    {
        var at = new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var domains = sequences
            .Select((sequence, order) => new AliasDomain(
                Guid.NewGuid(), $"d{order}.example.com", "bounce", "catchall", "notifications",
                sequence, at, []))
            .ToList();
        var creation = new CreationOrder(domains
            .Select((d, order) => (d.Id, Sequence: 100L + order * 7))
            .ToDictionary(p => p.Id, p => p.Sequence));

        // Listed newest first, so that the answer cannot come from the order of the list.
        var chosen = new AliasDomainChoice([.. domains.AsEnumerable().Reverse()], creation).Default();

        Assert.Equal(domains[expected].Id, chosen.Id);
    }

    private static async Task<Guid> AliasDomainOfNewCompanyAsync(IAlbaHost host)
    {
        var company = await host.AddCompanyAsync(new { name = "Unassigned Ltd" });
        return company.GetProperty("aliasDomainId").GetGuid();
    }
}
