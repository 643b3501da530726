using JasperFx.CommandLine;
using NightPos.Dispatch.Contracts;

namespace NightPos.Host.Commands;

/// <summary>
/// The flags that say whose message it is and how it travels, shared by <c>send</c> and
/// <c>route</c> as the send command and the routing preview share these fields.
/// </summary>
public abstract class MessageInput : NetCoreInput
{
    [Description("The author's From as the sender writes it, e.g. \"Mary <mary@x.com>\"; "
        + "routing may rewrite it (SPEC R5)")]
    public string? FromFlag { get; set; }

    [Description("The company's id; the first company when left out")]
    public string? CompanyFlag { get; set; }

    [Description("transactional (the default) or mass")]
    public string? KindFlag { get; set; }

    [Description("Force this server's id (SPEC R6, rule explicit)")]
    public string? ServerFlag { get; set; }

    /// <summary>The first malformed flag of these, as a sentence, or null.</summary>
    public string? CheckMessageFlags()
    {
        CommandArguments.TryId(CompanyFlag, "company", out _, out var company);
        CommandArguments.TryId(ServerFlag, "server", out _, out var server);
        CommandArguments.TryKind(KindFlag, out _, out var kind);
        return CommandArguments.First(company, server, kind);
    }

    /// <summary>The flags' values, once <see cref="CheckMessageFlags"/> let them through.</summary>
    public (Guid? CompanyId, Guid? ServerId, MailKind Kind) MessageFlags()
    {
        CommandArguments.TryId(CompanyFlag, "company", out var company, out _);
        CommandArguments.TryId(ServerFlag, "server", out var server, out _);
        CommandArguments.TryKind(KindFlag, out var kind, out _);
        return (company, server, kind);
    }
}
