using NightPos.Dispatch.Routing;
using NightPos.Domains.Contracts;
using NightPos.Kernel.Mail;
using NightPos.Servers.Contracts;

namespace NightPos.Routing.Tests;

/// <summary>
/// Builds the Domains and Servers answers directly, the way those modules would give them, so
/// that the routing policy is tested without a host. Starts as SPEC R1's fresh database.
/// </summary>
internal sealed class TestConfiguration
{
    public const string DatabaseDomain = "company-name.nightpos.com";

    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<AliasDomainInfo> _aliasDomains = [];
    private readonly List<CompanyInfo> _companies = [];
    private readonly List<OutgoingServerInfo> _servers = [];
    private readonly Dictionary<string, string> _parameters = new()
    {
        [ParameterKeys.DefaultFromFilter] = DatabaseDomain,
    };

    private Guid? _dedicated;

    public TestConfiguration()
    {
        DefaultAliasDomain = AddAliasDomain(DatabaseDomain);
        DefaultCompany = AddCompany("company-name", DefaultAliasDomain);
    }

    public Guid DefaultAliasDomain { get; }

    public Guid DefaultCompany { get; }

    public Guid AddAliasDomain(
        string domain,
        string bounce = "bounce",
        string catchall = "catchall",
        string defaultFrom = "notifications",
        int sequence = 10)
    {
        var id = Guid.NewGuid();
        _aliasDomains.Add(new AliasDomainInfo(
            id,
            DomainName.Normalize(domain, out _)!,
            bounce,
            catchall,
            defaultFrom,
            sequence,
            Epoch.AddMinutes(_aliasDomains.Count)));
        return id;
    }

    /// <summary>Replaces an alias domain's names, as a PATCH would.</summary>
    public void RenameAliases(
        Guid aliasDomain,
        string? bounce = null,
        string? catchall = null,
        string? defaultFrom = null)
    {
        var index = _aliasDomains.FindIndex(d => d.Id == aliasDomain);
        var current = _aliasDomains[index];
        _aliasDomains[index] = current with
        {
            BounceAlias = bounce ?? current.BounceAlias,
            CatchallAlias = catchall ?? current.CatchallAlias,
            DefaultFrom = defaultFrom ?? current.DefaultFrom,
        };
    }

    public Guid AddCompany(string name, Guid aliasDomain)
    {
        var id = Guid.NewGuid();
        _companies.Add(new CompanyInfo(id, name, aliasDomain, Epoch.AddMinutes(_companies.Count)));
        return id;
    }

    public Guid AddServer(
        string name,
        string? fromFilter,
        int priority = 10,
        bool active = true,
        ServerAuthentication authentication = ServerAuthentication.Login)
    {
        var id = Guid.NewGuid();
        var filter = FromFilter.Parse(fromFilter, out var error)
            ?? throw new ArgumentException(error, nameof(fromFilter));
        _servers.Add(new OutgoingServerInfo(
            id,
            name,
            "smtp.example.test",
            587,
            ServerEncryption.Starttls,
            authentication,
            authentication == ServerAuthentication.Cli ? null : "user",
            authentication == ServerAuthentication.Login,
            false,
            filter.ToString(),
            priority,
            active,
            Epoch.AddMinutes(_servers.Count),
            _servers.Count + 1));
        return id;
    }

    public TestConfiguration WithDefaultFromFilter(string value)
    {
        _parameters[ParameterKeys.DefaultFromFilter] = value;
        return this;
    }

    public TestConfiguration WithDedicatedServer(Guid? server)
    {
        _dedicated = server;
        return this;
    }

    public DomainsConfiguration Domains(Guid? revision = null) =>
        new(
            DatabaseDomain,
            _aliasDomains.OrderBy(d => d.Sequence).ThenBy(d => d.CreatedAt).ToList(),
            _companies.ToList(),
            new Dictionary<string, string>(_parameters),
            revision ?? Guid.NewGuid());

    public ServersConfiguration Servers(Guid? revision = null) =>
        new(_servers.ToList(), _dedicated, revision ?? Guid.NewGuid());

    public RoutingTable Compile() => RoutingTable.Compile(Domains(), Servers());
}
