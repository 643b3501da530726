using NightPos.Kernel.Mail;
using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// One outgoing server as routing sees it: its identity and its FROM filter split into a set of
/// whole addresses and a set of domains, so that "does the filter allow this sender" is two hash
/// lookups. Sets compare ASCII case-insensitively: every entry is stored ASCII lower-case
/// (FROM filters are validated, domains kept in punycode), and callers pass only ASCII keys, so
/// a look-alike such as a dotless 'ı' can never fold onto an 'i'.
/// </summary>
internal sealed class RouteServer
{
    public const string DefaultServerName = "Default server";

    private readonly HashSet<string> _addresses;
    private readonly HashSet<string> _domains;
    private readonly string?[] _sentences = new string?[Enum.GetValues<RoutingRule>().Length];

    private RouteServer(Guid? id, string name, bool active, IEnumerable<string> entries)
    {
        Id = id;
        Name = name;
        Active = active;
        _addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        _domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            (entry.Contains('@') ? _addresses : _domains).Add(entry);
        }
    }

    /// <summary>The server's id; null for the default server of the configuration file.</summary>
    public Guid? Id { get; }

    public string Name { get; }

    public bool Active { get; }

    /// <summary>True for a filter without entries, which allows every sender (SPEC "Terms").</summary>
    public bool HasEmptyFilter => _addresses.Count == 0 && _domains.Count == 0;

    public IReadOnlyCollection<string> Addresses => _addresses;

    public IReadOnlyCollection<string> Domains => _domains;

    /// <summary>
    /// An outgoing server of the Servers module. Its filter is stored normalised (the contract
    /// says so), so compiling a table of thousands of servers only splits it, leaving blank
    /// entries out as a filter does.
    /// </summary>
    public static RouteServer Outgoing(OutgoingServerInfo info) =>
        new(info.Id, info.Name, info.Active, info.FromFilter
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The default server while no outgoing server is active (SPEC R5): its filter is the system
    /// parameter <c>mail.default.from_filter</c>.
    /// </summary>
    public static RouteServer Default(FromFilter parameter) =>
        new(null, DefaultServerName, active: true, parameter.Entries);

    /// <summary>
    /// True when mail from the address may go through this server (SPEC R5, "envelope"): the
    /// filter is empty, or holds the address or its domain. Both keys are ASCII; a null address
    /// (no author, or a local part no filter can hold) still matches by domain.
    /// </summary>
    public bool Allows(string? asciiAddress, string? asciiDomain) =>
        HasEmptyFilter
        || (asciiAddress is not null && _addresses.Contains(asciiAddress))
        || (asciiDomain is not null && _domains.Contains(asciiDomain));

    public bool Allows(MatchKeys keys) => Allows(keys.Address, keys.Domain);

    /// <summary>
    /// What a rule says about this server in an explanation, made on first use and kept with
    /// the table (two decisions racing to make it make the same string).
    /// </summary>
    public string Sentence(RoutingRule rule) =>
        _sentences[(int)rule] ??= Explain.ServerSentence(rule, Name);
}
