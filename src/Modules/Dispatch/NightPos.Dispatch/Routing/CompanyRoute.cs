using NightPos.Domains.Contracts;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// What routing needs of one company, computed once per routing table: the addresses of its
/// alias domain (SPEC R2, R3) and the server the notification address would go through, which
/// depends on the company alone (SPEC R5 steps 2 to 4).
/// </summary>
internal sealed class CompanyRoute
{
    private readonly string?[] _outcomes = new string?[Enum.GetValues<FromOutcome>().Length * 2];
    private readonly string?[] _fallbackExplanations = new string?[2];

    public CompanyRoute(CompanyInfo company, AliasDomainInfo domain, NotificationRoute? fallback)
    {
        Id = company.Id;
        Name = company.Name;
        AliasDomain = domain.Domain;
        NotificationAddress = domain.NotificationAddress;
        NotificationKeys = MatchKeys.OfStored(NotificationAddress);
        ForcesHeaderFrom = domain.DefaultFromIsWholeAddress;
        BounceAddress = domain.BounceAddress;
        BounceKeys = MatchKeys.OfStored(BounceAddress);
        ReplyTo = domain.CatchallAddress;
        BareNotificationFrom = WireFrom.Format(name: null, NotificationAddress);
        Fallback = fallback;
    }

    public Guid Id { get; }

    public string Name { get; }

    public string AliasDomain { get; }

    /// <summary>N of SPEC R5: the default-from alias at the domain, or the alias itself.</summary>
    public string NotificationAddress { get; }

    public MatchKeys NotificationKeys { get; }

    /// <summary>
    /// True when the default-from alias is a whole address (SPEC R3): it is then the header From
    /// of every message of the company, whatever the rule that chose the server.
    /// </summary>
    public bool ForcesHeaderFrom { get; }

    /// <summary>B of SPEC R5: the envelope sender whenever the chosen server allows it.</summary>
    public string BounceAddress { get; }

    public MatchKeys BounceKeys { get; }

    /// <summary>The catchall address: replies gather there (SPEC "Terms").</summary>
    public string ReplyTo { get; }

    /// <summary>The header From of a message without author: N with no display name.</summary>
    public string BareNotificationFrom { get; }

    /// <summary>Where mail goes when the author's From matches no filter; null without servers.</summary>
    public NotificationRoute? Fallback { get; }

    /// <summary>
    /// The company's part of an explanation (see <see cref="Explain"/>), made on first use
    /// and kept with the table.
    /// </summary>
    public string Outcome(FromOutcome outcome, bool bounceAllowed) =>
        _outcomes[((int)outcome * 2) + (bounceAllowed ? 1 : 0)]
            ??= Explain.OutcomeSentence(this, outcome, bounceAllowed);

    /// <summary>The whole explanation of a decision that ends on <see cref="Fallback"/>.</summary>
    public string FallbackExplanation(bool withoutAuthor) =>
        _fallbackExplanations[withoutAuthor ? 1 : 0] ??= string.Concat(
            Fallback!.Server.Sentence(Fallback.Rule),
            Outcome(
                withoutAuthor ? FromOutcome.NoAuthor : FromOutcome.BecomesNotification,
                Fallback.Server.Allows(BounceKeys)));
}

/// <summary>The outcome of SPEC R5 steps 2 to 4 for one company.</summary>
internal sealed record NotificationRoute(RouteServer Server, RoutingRule Rule);
