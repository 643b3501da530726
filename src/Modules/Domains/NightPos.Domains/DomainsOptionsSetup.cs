using Microsoft.Extensions.Options;
using NightPos.Domains.Companies;
using NightPos.Kernel.Mail;

namespace NightPos.Domains;

/// <summary>
/// Normalises the database subdomain and refuses to start on a value the module could never
/// store, naming the setting, rather than failing later on the first request.
/// </summary>
internal sealed class DomainsOptionsSetup
    : IPostConfigureOptions<DomainsOptions>, IValidateOptions<DomainsOptions>
{
    public void PostConfigure(string? name, DomainsOptions options)
    {
        options.DatabaseDomain =
            DomainName.Normalize(options.DatabaseDomain, out _) ?? options.DatabaseDomain;
        options.CompanyName =
            CompanyName.Normalize(options.CompanyName, out _) ?? options.CompanyName;
    }

    public ValidateOptionsResult Validate(string? name, DomainsOptions options)
    {
        var failures = new List<string>();
        if (DomainName.Normalize(options.DatabaseDomain, out var domainError) is null)
        {
            failures.Add($"NightPos:DatabaseDomain '{options.DatabaseDomain}' {domainError}: set "
                + "it to the database subdomain, e.g. company-name.nightpos.com.");
        }

        if (CompanyName.Normalize(options.CompanyName, out var nameError) is null)
        {
            failures.Add($"NightPos:CompanyName {nameError}: set it to the name of the first "
                + "company, or leave it out for \"My Company\".");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures);
    }
}
