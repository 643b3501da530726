using System.Text.Json;
using System.Text.Json.Serialization;

namespace NightPos.Routing.Tests.Cases;

/// <summary>
/// One worked routing example in the format of routing-cases.json: a setup made through the
/// API, one preview request and what it must answer. <see cref="CaseExpectation.Problem"/> and
/// <see cref="CaseExpectation.Warns"/> extend the format for this project's own cases.
/// </summary>
public sealed record RoutingCase(
    string Id,
    IReadOnlyList<string> Rules,
    CaseSetup Setup,
    CaseRequest Request,
    CaseExpectation Expect,
    string? Note);

public sealed record CaseSetup(
    string DatabaseDomain,
    AliasDomainOverrides? DefaultAliasDomain,
    IReadOnlyList<CaseAliasDomain> AliasDomains,
    IReadOnlyList<CaseCompany> Companies,
    IReadOnlyDictionary<string, string?> Parameters,
    IReadOnlyList<CaseServer> Servers,
    string? MassMailingDedicatedServer)
{
    /// <summary>Equal for identical setups, which then share one database.</summary>
    [JsonIgnore]
    public string Key => JsonSerializer.Serialize(this);
}

public sealed record AliasDomainOverrides(
    string? BounceAlias,
    string? CatchallAlias,
    string? DefaultFrom,
    int? Sequence);

public sealed record CaseAliasDomain(
    string Key,
    string Domain,
    string BounceAlias,
    string CatchallAlias,
    string DefaultFrom,
    int Sequence);

public sealed record CaseCompany(string Key, string Name, string? AliasDomain);

public sealed record CaseServer(
    string Key,
    string Name,
    int Priority,
    string? FromFilter,
    bool Active,
    string Authentication);

public sealed record CaseRequest(string Company, string? From, string Kind, string? Server);

public sealed record CaseExpectation(
    string? Server,
    string? Rule,
    string? HeaderFromName,
    string? HeaderFromAddress,
    string? EnvelopeFrom,
    bool? Warns,
    CaseProblem? Problem);

/// <summary>A refusal: the status and the request field the problem details must name.</summary>
public sealed record CaseProblem(int Status, string Field);
