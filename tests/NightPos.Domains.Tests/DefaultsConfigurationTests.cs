using Microsoft.Extensions.Options;
using NightPos.Domains.Contracts;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

/// <summary>SPEC R1 with the installation's own settings, and the settings refused at start.</summary>
public sealed class DefaultsConfigurationTests
{
    [Fact]
    public async Task The_configured_database_subdomain_and_company_name_become_the_defaults()
    {
        await using var app = await NightPosApp.StartAsync(builder =>
        {
            builder.UseSetting("NightPos:DatabaseDomain", " Bäckerei.Example.COM ");
            builder.UseSetting("NightPos:CompanyName", "Bäckerei Nacht GmbH");
        });

        var domains = await app.Host.GetJsonAsync("/api/alias-domains");
        var companies = await app.Host.GetJsonAsync("/api/companies");
        var filter = await app.Host.GetJsonAsync("/api/parameters/mail.default.from_filter");
        var configuration = await app.Host.InvokeAsync<DomainsConfiguration>(
            new GetDomainsConfiguration());

        const string ascii = "xn--bckerei-5wa.example.com";
        var only = Assert.Single(domains.EnumerateArray());
        Assert.Equal(ascii, only.Text("domain"));
        Assert.Equal($"notifications@{ascii}", only.Text("notificationAddress"));
        Assert.Equal("Bäckerei Nacht GmbH", Assert.Single(companies.EnumerateArray()).Text("name"));
        Assert.Equal(ascii, filter.Text("value"));
        Assert.Equal(ascii, configuration.DatabaseDomain);
    }

    [Theory]
    [InlineData("company name.nightpos.com", "", "NightPos:DatabaseDomain")]
    [InlineData("localhost", "", "NightPos:DatabaseDomain")]
    [InlineData("company-name.nightpos.com\n", "", "NightPos:DatabaseDomain")]
    [InlineData("company-name.nightpos.com", "  ", "NightPos:CompanyName")]
    [InlineData("company-name.nightpos.com", "Night\r\nBakery", "NightPos:CompanyName")]
    public void Settings_that_could_never_be_stored_stop_the_host_naming_the_setting(
        string databaseDomain,
        string companyName,
        string setting)
    {
        var options = new DomainsOptions { DatabaseDomain = databaseDomain };
        if (companyName.Length > 0)
        {
            options.CompanyName = companyName;
        }

        var setup = new DomainsOptionsSetup();
        setup.PostConfigure(Options.DefaultName, options);
        var result = setup.Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage);
    }
}
