using Microsoft.AspNetCore.Authentication;
using NightPos.Kernel;

namespace NightPos.Host.Security;

internal static class SecurityRegistration
{
    public static IServiceCollection AddApiKeySecurity(this IServiceCollection services)
    {
        services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, _ => { });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Configure, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.Admin, Roles.Auditor))
            .AddPolicy(Policies.Send, p => p.RequireRole(Roles.Admin, Roles.Sender))
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.Admin, Roles.Auditor, Roles.Sender));

        return services;
    }
}
