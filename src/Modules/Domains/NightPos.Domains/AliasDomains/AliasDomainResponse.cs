using System.Text.Json.Serialization;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// An alias domain as API.md answers it; <see cref="RetiredAddresses"/> only in the answer to a
/// change (SPEC R4).
/// </summary>
public sealed record AliasDomainResponse(
    Guid Id,
    string Domain,
    string BounceAlias,
    string CatchallAlias,
    string DefaultFrom,
    int Sequence,
    string BounceAddress,
    string CatchallAddress,
    string NotificationAddress)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? RetiredAddresses { get; init; }

    public static AliasDomainResponse From(AliasDomain domain) =>
        new(
            domain.Id,
            domain.Domain,
            domain.BounceAlias,
            domain.CatchallAlias,
            domain.DefaultFrom,
            domain.Sequence,
            domain.BounceAddress,
            domain.CatchallAddress,
            domain.NotificationAddress);
}
