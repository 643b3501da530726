using NightPos.Kernel.Http;
using NightPos.Kernel.Mail;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// The fields of an alias domain request, normalised by the Kernel's rules (SPEC R3); a field
/// left out stays null, a refused one is null too and named in <see cref="Errors"/>.
/// </summary>
public sealed record AliasDomainNames(
    string? Domain,
    string? BounceAlias,
    string? CatchallAlias,
    string? DefaultFrom,
    int? Sequence,
    FieldErrors Errors)
{
    public static AliasDomainNames Parse(
        string? domain,
        string? bounceAlias,
        string? catchallAlias,
        string? defaultFrom,
        int? sequence)
    {
        var errors = new FieldErrors();
        var names = new AliasDomainNames(
            domain is null ? null : errors.Check("domain", domain, DomainName.Normalize),
            bounceAlias is null
                ? null
                : errors.Check("bounceAlias", bounceAlias, LocalPart.Normalize),
            catchallAlias is null
                ? null
                : errors.Check("catchallAlias", catchallAlias, LocalPart.Normalize),
            defaultFrom is null
                ? null
                : errors.Check("defaultFrom", defaultFrom, DefaultFromAlias.Normalize),
            sequence,
            errors);

        if (sequence is < 0)
        {
            errors.Add(
                "sequence",
                $"sequence {sequence} is negative; use 0 or more (lower comes first).");
        }

        return names;
    }

    /// <summary>
    /// Refuses a bounce alias equal to the catchall alias once merged with what stays: the two
    /// addresses must differ, or inbound mail could not tell a delivery report from a reply.
    /// The field named is the catchall alias when the request gave one, else the bounce alias.
    /// </summary>
    public void CheckDistinctAliases(string bounceAlias, string catchallAlias, bool catchallGiven)
    {
        if (bounceAlias == catchallAlias)
        {
            Errors.Add(
                catchallGiven ? "catchallAlias" : "bounceAlias",
                $"bounceAlias and catchallAlias are both '{bounceAlias}'; give them different "
                + "names, since replies and delivery reports must reach different addresses.");
        }
    }
}
