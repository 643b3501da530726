using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Routing;
using NightPos.Domains.Contracts;
using NightPos.Kernel.Mail;
using NightPos.Servers.Contracts;

namespace NightPos.Routing.Benchmarks;

/// <summary>
/// A large installation for the routing benchmark: a number of servers, 1,000 alias domains
/// with a company each, and 1,024 different requests that exercise every step of SPEC R5.
/// </summary>
internal sealed class BenchmarkConfiguration
{
    public const int AliasDomainCount = 1_000;
    public const int RequestCount = 1_024;

    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public BenchmarkConfiguration(int serverCount)
    {
        var aliasDomains = Enumerable.Range(0, AliasDomainCount)
            .Select(i => new AliasDomainInfo(
                Guid.NewGuid(),
                $"brand{i}.example.org",
                "bounce",
                "catchall",
                i % 10 == 0 ? $"news@mail.brand{i}.example.org" : "notifications",
                10 + i,
                Epoch.AddMinutes(i)))
            .ToList();
        var companies = aliasDomains
            .Select((d, i) => new CompanyInfo(Guid.NewGuid(), $"Brand {i}", d.Id, d.CreatedAt))
            .ToList();
        Domains = new DomainsConfiguration(
            "company-name.nightpos.com",
            aliasDomains,
            companies,
            new Dictionary<string, string>
            {
                [ParameterKeys.DefaultFromFilter] = "company-name.nightpos.com",
            },
            Guid.NewGuid());

        // Every server holds a domain and a whole address of its own; one in ten also holds
        // the alias domain of some companies, one in fifty has no filter at all.
        var servers = Enumerable.Range(0, serverCount)
            .Select(i => new OutgoingServerInfo(
                Guid.NewGuid(),
                $"Relay {i:D5}",
                "smtp.example.test",
                587,
                ServerEncryption.Starttls,
                ServerAuthentication.Login,
                "user",
                true,
                false,
                FilterOf(i, serverCount),
                i % 7,
                true,
                Epoch.AddMinutes(i),
                i + 1))
            .ToList();
        Servers = new ServersConfiguration(servers, null, Guid.NewGuid());

        Requests = Enumerable.Range(0, RequestCount)
            .Select(i => RequestFor(i, serverCount, companies[i % companies.Count].Id))
            .ToArray();
    }

    public DomainsConfiguration Domains { get; }

    public ServersConfiguration Servers { get; }

    public RouteRequest[] Requests { get; }

    private static string FilterOf(int i, int serverCount)
    {
        if (i % 50 == 49)
        {
            return "";
        }

        var entries = new List<string> { $"d{i}.example.com", $"user{i}@shared.example.com" };
        if (i % 10 == 0 || serverCount == 1)
        {
            entries.Add($"brand{i % AliasDomainCount}.example.org");
        }

        return FromFilter.FromStored(string.Join(",", entries)).ToString();
    }

    // A quarter each: the author's whole address is held, its domain is held, an outsider
    // (whose From becomes N), and a message without author.
    private static RouteRequest RequestFor(int i, int serverCount, Guid company)
    {
        var server = (i * 7919) % serverCount;
        var from = (i % 4) switch
        {
            0 => $"\"User {i}\" <user{server}@shared.example.com>",
            1 => $"someone{i}@d{server}.example.com",
            2 => $"\"Customer {i}\" <c{i}@outsider{i}.example.net>",
            _ => null,
        };
        return new RouteRequest(company, from, MailKind.Transactional, null);
    }
}
