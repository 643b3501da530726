using NightPos.Kernel;

namespace NightPos.Host.Tests;

/// <summary>
/// Every route of API.md with the policy its roles call for ("Administrators may do
/// everything; auditors may only read; senders may send mail, post on threads, read messages
/// and preview routing"). Route parameters are written <c>{}</c> whatever their names.
/// </summary>
internal static class ApiRoutes
{
    public static IReadOnlyDictionary<string, string> Policies { get; } =
        new Dictionary<string, string>
        {
            ["GET /api/history"] = Kernel.Policies.Audit,
            ["POST /api/threads"] = Kernel.Policies.Send,
            ["GET /api/threads"] = Kernel.Policies.Read,
            ["GET /api/threads/{}"] = Kernel.Policies.Read,
            ["POST /api/threads/{}/followers"] = Kernel.Policies.Send,
            ["DELETE /api/threads/{}/followers/{}"] = Kernel.Policies.Send,
            ["POST /api/threads/{}/messages"] = Kernel.Policies.Send,
            ["GET /api/inbox"] = Kernel.Policies.Read,
            ["POST /api/inbound"] = Kernel.Policies.Send,
            ["GET /api/inbound/unrouted"] = Kernel.Policies.Audit,
            ["GET /api/inbound/unrouted/{}/raw"] = Kernel.Policies.Audit,
            ["GET /api/configuration"] = Kernel.Policies.Audit,
            ["POST /api/routing/preview"] = Kernel.Policies.Read,
            ["GET /api/alias-domains"] = Kernel.Policies.Audit,
            ["POST /api/alias-domains"] = Kernel.Policies.Configure,
            ["GET /api/alias-domains/{}"] = Kernel.Policies.Audit,
            ["PATCH /api/alias-domains/{}"] = Kernel.Policies.Configure,
            ["GET /api/alias-domains/{}/local-parts"] = Kernel.Policies.Audit,
            ["GET /api/companies"] = Kernel.Policies.Audit,
            ["POST /api/companies"] = Kernel.Policies.Configure,
            ["PATCH /api/companies/{}"] = Kernel.Policies.Configure,
            ["GET /api/parameters/{}"] = Kernel.Policies.Audit,
            ["PUT /api/parameters/{}"] = Kernel.Policies.Configure,
            ["GET /api/servers"] = Kernel.Policies.Audit,
            ["POST /api/servers"] = Kernel.Policies.Configure,
            ["GET /api/servers/{}"] = Kernel.Policies.Audit,
            ["PATCH /api/servers/{}"] = Kernel.Policies.Configure,
            ["DELETE /api/servers/{}"] = Kernel.Policies.Configure,
            ["POST /api/servers/{}/test"] = Kernel.Policies.Configure,
            ["GET /api/settings/mass-mailing"] = Kernel.Policies.Audit,
            ["PUT /api/settings/mass-mailing"] = Kernel.Policies.Configure,
            ["POST /api/messages"] = Kernel.Policies.Send,
            ["GET /api/messages"] = Kernel.Policies.Read,
            ["GET /api/messages/{}"] = Kernel.Policies.Read,
            ["GET /api/messages/{}/lifecycle"] = Kernel.Policies.Read,
            ["GET /api/usage/daily"] = Kernel.Policies.Read,
        };

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlySet<string> RolesOf(string policy) => policy switch
    {
        Kernel.Policies.Configure => new HashSet<string> { Roles.Admin },
        Kernel.Policies.Audit => new HashSet<string> { Roles.Admin, Roles.Auditor },
        Kernel.Policies.Send => new HashSet<string> { Roles.Admin, Roles.Sender },
        Kernel.Policies.Read => new HashSet<string> { Roles.Admin, Roles.Auditor, Roles.Sender },
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy."),
    };
}
