namespace NightPos.Dispatch.Routing;

/// <summary>
/// What routing decided for one message (API.md, routing preview). <see cref="ServerId"/> is
/// null when the default server of the installation's configuration carries the mail;
/// <see cref="HeaderFrom"/> is the From header exactly as it goes on the wire.
/// </summary>
public sealed record RouteDecision(
    Guid? ServerId,
    string ServerName,
    string HeaderFrom,
    string EnvelopeFrom,
    string ReplyTo,
    RoutingRule Rule,
    string Explanation,
    IReadOnlyList<string> Warnings);
