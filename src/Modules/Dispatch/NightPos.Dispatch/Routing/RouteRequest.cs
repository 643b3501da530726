using NightPos.Dispatch.Contracts;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// One routing question: mail of a company (null: the first company) by an author From as
/// written by the sender (display name included, possibly none), of a kind, optionally forced
/// onto a server.
/// </summary>
public sealed record RouteRequest(Guid? CompanyId, string? From, MailKind Kind, Guid? ServerId);
