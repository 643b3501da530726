using System.Text.Json;
using Alba;
using NightPos.Domains.Companies;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

public sealed class CompanyTests(NightPosApp app)
{
    [Fact]
    public async Task New_database_has_one_company_on_the_default_alias_domain()
    {
        var companies = (await app.Host.GetJsonAsync("/api/companies")).EnumerateArray().ToList();

        Assert.Equal("My Company", companies[0].Text("name"));
        Assert.Equal(
            await app.Host.DefaultAliasDomainIdAsync(),
            companies[0].GetProperty("aliasDomainId").GetGuid());
    }

    [Fact]
    public async Task Adding_a_company_on_a_named_alias_domain_answers_201_and_lists_it_last()
    {
        var domain = (await app.Host.AddAliasDomainAsync(DomainsApi.UniqueDomain())).Id();

        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { name = "  Night Bakery Ltd ", aliasDomainId = domain }).ToUrl("/api/companies");
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });

        var added = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal("Night Bakery Ltd", added.Text("name"));
        Assert.Equal(domain, added.GetProperty("aliasDomainId").GetGuid());
        Assert.Equal($"/api/companies/{added.Id()}", result.Context.Response.Headers.Location);
        var companies = (await app.Host.GetJsonAsync("/api/companies")).EnumerateArray().ToList();
        Assert.Equal(added.ToString(), companies[^1].ToString());
    }

    [Fact]
    public async Task Moving_a_company_records_the_alias_domain_it_leaves()
    {
        var (first, second) = (
            (await app.Host.AddAliasDomainAsync(DomainsApi.UniqueDomain())).Id(),
            (await app.Host.AddAliasDomainAsync(DomainsApi.UniqueDomain())).Id());
        var company = (await app.Host.AddCompanyAsync(new { name = "Mover", aliasDomainId = first })).Id();

        var result = await app.Host.Scenario(s =>
        {
            s.Patch.Json(new { aliasDomainId = second }).ToUrl($"/api/companies/{company}");
            s.AsAdmin();
            s.StatusCodeShouldBe(200);
        });

        var moved = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(second, moved.GetProperty("aliasDomainId").GetGuid());
        var events = await app.Host.EventsOfAsync(company);
        Assert.Equal(new CompanyAliasDomainAssigned(company, first, second), events[^1].Data);
    }

    [Fact]
    public async Task Moving_a_company_to_its_own_alias_domain_appends_nothing()
    {
        var domain = (await app.Host.AddAliasDomainAsync(DomainsApi.UniqueDomain())).Id();
        var company = (await app.Host.AddCompanyAsync(new { name = "Stayer", aliasDomainId = domain })).Id();

        await app.Host.Scenario(s =>
        {
            s.Patch.Json(new { aliasDomainId = domain }).ToUrl($"/api/companies/{company}");
            s.AsAdmin();
            s.StatusCodeShouldBe(200);
        });

        Assert.Single(await app.Host.EventsOfAsync(company));
    }

    public static TheoryData<string, string, int> BadAdditions => new()
    {
        // field, JSON body, status
        { "name", """{}""", 400 },
        { "name", """{"name":""}""", 400 },
        { "name", """{"name":"   "}""", 400 },
        { "name", """{"name":"Night\r\nBakery"}""", 400 },
        { "name", """{"name":"Night\nBakery"}""", 400 },
        { "name", """{"name":"Night\tBakery"}""", 400 },
        { "name", $$"""{"name":"{{new string('n', 201)}}"}""", 400 },
        { "aliasDomainId", $$"""{"name":"Ghost Ltd","aliasDomainId":"{{Guid.NewGuid()}}"}""", 404 },
    };

    [Theory]
    [MemberData(nameof(BadAdditions))]
    public async Task Adding_a_company_refuses_a_bad_field_by_name_and_appends_nothing(
        string field,
        string body,
        int status)
    {
        var problem = await app.Host.RefusedAsync(
            s => s.Post.Text(body).ToUrl("/api/companies").ContentType("application/json"),
            status);

        problem.ShouldName(field);
    }

    [Fact]
    public async Task A_company_name_of_200_characters_is_accepted()
    {
        var name = new string('n', 200);

        var added = await app.Host.AddCompanyAsync(new { name });

        Assert.Equal(name, added.Text("name"));
    }

    [Fact]
    public async Task Moving_an_unknown_company_is_not_found_by_id()
    {
        var domain = await app.Host.DefaultAliasDomainIdAsync();

        var problem = await app.Host.RefusedAsync(
            s => s.Patch.Json(new { aliasDomainId = domain }).ToUrl($"/api/companies/{Guid.NewGuid()}"),
            404);

        problem.ShouldName("id");
    }

    [Theory]
    [InlineData("""{}""", 400)]
    [InlineData("""{"aliasDomainId":null}""", 400)]
    [InlineData("""{"aliasDomainId":"1b5a8a44-0d3c-4a49-9a55-8f8f4a0e2c11"}""", 404)]
    public async Task Moving_a_company_needs_a_known_alias_domain(string body, int status)
    {
        var company = (await app.Host.AddCompanyAsync(new { name = "Needs a domain" })).Id();

        var problem = await app.Host.RefusedAsync(
            s => s.Patch.Text(body).ToUrl($"/api/companies/{company}").ContentType("application/json"),
            status);

        problem.ShouldName("aliasDomainId");
    }
}
