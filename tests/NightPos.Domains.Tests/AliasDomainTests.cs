using System.Net;
using System.Text.Json;
using Alba;
using NightPos.Domains.AliasDomains;
using NightPos.Domains.Contracts;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

public sealed class AliasDomainTests(NightPosApp app)
{
    [Fact]
    public async Task New_database_has_one_alias_domain_on_the_database_subdomain()
    {
        var domains = await app.Host.GetJsonAsync("/api/alias-domains");

        var first = domains.EnumerateArray()
            .Single(d => d.Text("domain") == "company-name.nightpos.com");
        Assert.Equal("bounce", first.Text("bounceAlias"));
        Assert.Equal("catchall", first.Text("catchallAlias"));
        Assert.Equal("notifications", first.Text("defaultFrom"));
        Assert.Equal(10, first.GetProperty("sequence").GetInt32());
        Assert.Equal("bounce@company-name.nightpos.com", first.Text("bounceAddress"));
        Assert.Equal("catchall@company-name.nightpos.com", first.Text("catchallAddress"));
        Assert.Equal("notifications@company-name.nightpos.com", first.Text("notificationAddress"));
    }

    [Fact]
    public async Task Adding_an_alias_domain_answers_201_with_its_defaults_and_addresses()
    {
        var domain = DomainsApi.UniqueDomain();

        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { domain }).ToUrl("/api/alias-domains");
            s.AsAdmin();
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });

        var added = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal($"/api/alias-domains/{added.Id()}", result.Context.Response.Headers.Location);
        Assert.Equal(domain, added.Text("domain"));
        Assert.Equal(10, added.GetProperty("sequence").GetInt32());
        Assert.Equal($"bounce@{domain}", added.Text("bounceAddress"));
        Assert.Equal($"catchall@{domain}", added.Text("catchallAddress"));
        Assert.Equal($"notifications@{domain}", added.Text("notificationAddress"));
        Assert.False(added.TryGetProperty("retiredAddresses", out _));

        var read = await app.Host.GetJsonAsync($"/api/alias-domains/{added.Id()}");
        Assert.Equal(added.ToString(), read.ToString());
    }

    public static TheoryData<string, string, string, string, string> Normalised => new()
    {
        // input domain, bounce, default-from => stored domain, stored default-from
        { "{0}.Bücher.Example", "Bounce", "Info", "{0}.xn--bcher-kva.example", "info" },
        { "MAIL.{0}.EXAMPLE.COM.", "BOUNCE", "notifications", "mail.{0}.example.com", "notifications" },
        { "  shop.{0}.example.com ", "bounce", "Sales@Bücher.Example", "shop.{0}.example.com",
            "sales@xn--bcher-kva.example" },
    };

    [Theory]
    [MemberData(nameof(Normalised))]
    public async Task Adding_an_alias_domain_stores_names_lower_case_and_domains_in_ascii(
        string domain,
        string bounceAlias,
        string defaultFrom,
        string expectedDomain,
        string expectedDefaultFrom)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];

        var added = await app.Host.AddAliasDomainAsync(new
        {
            domain = string.Format(domain, tag),
            bounceAlias,
            defaultFrom,
        });

        var stored = string.Format(expectedDomain, tag);
        Assert.Equal(stored, added.Text("domain"));
        Assert.Equal("bounce", added.Text("bounceAlias"));
        Assert.Equal(expectedDefaultFrom, added.Text("defaultFrom"));
        var notification = expectedDefaultFrom.Contains('@')
            ? expectedDefaultFrom
            : $"{expectedDefaultFrom}@{stored}";
        Assert.Equal(notification, added.Text("notificationAddress"));
    }

    public static TheoryData<string, string> BadAdditions => new()
    {
        // field, JSON body: every one a near miss of something valid
        { "domain", """{}""" },
        { "domain", """{"domain":""}""" },
        { "domain", """{"domain":"exa mple.com"}""" },
        { "domain", """{"domain":"localhost"}""" },
        { "domain", """{"domain":"example..com"}""" },
        { "domain", """{"domain":"-example.com"}""" },
        { "domain", """{"domain":"exa_mple.com"}""" },
        { "domain", """{"domain":"example.com\r\n"}""" },
        { "domain", """{"domain":"example.com\nbcc.example"}""" },
        { "domain", """{"domain":"info@example.com"}""" },
        { "domain", """{"domain":"http://example.com"}""" },
        { "bounceAlias", """{"domain":"ok-1.example.com","bounceAlias":""}""" },
        { "bounceAlias", """{"domain":"ok-1.example.com","bounceAlias":"bou nce"}""" },
        { "bounceAlias", """{"domain":"ok-1.example.com","bounceAlias":"bounce@example.com"}""" },
        { "bounceAlias", """{"domain":"ok-1.example.com","bounceAlias":"bounce\r\n"}""" },
        { "bounceAlias", """{"domain":"ok-1.example.com","bounceAlias":".bounce"}""" },
        { "bounceAlias", """{"domain":"ok-1.example.com","bounceAlias":"\"bounce\""}""" },
        { "catchallAlias", """{"domain":"ok-1.example.com","catchallAlias":"catch all"}""" },
        { "catchallAlias", """{"domain":"ok-1.example.com","catchallAlias":"catchall@"}""" },
        { "catchallAlias", """{"domain":"ok-1.example.com","catchallAlias":"catch\nall"}""" },
        { "defaultFrom", """{"domain":"ok-1.example.com","defaultFrom":"info@"}""" },
        { "defaultFrom", """{"domain":"ok-1.example.com","defaultFrom":"in fo"}""" },
        { "defaultFrom", """{"domain":"ok-1.example.com","defaultFrom":"info@exa mple.com"}""" },
        { "defaultFrom", """{"domain":"ok-1.example.com","defaultFrom":"Info <info@example.com>"}""" },
        { "defaultFrom", """{"domain":"ok-1.example.com","defaultFrom":"info\r\nBcc: x@example.com"}""" },
        { "sequence", """{"domain":"ok-1.example.com","sequence":-1}""" },
        { "catchallAlias", """{"domain":"ok-1.example.com","bounceAlias":"replies","catchallAlias":"Replies"}""" },
        { "bounceAlias", """{"domain":"ok-1.example.com","bounceAlias":"catchall"}""" },
        { "catchallAlias", """{"domain":"ok-1.example.com","catchallAlias":"bounce"}""" },
    };

    [Theory]
    [MemberData(nameof(BadAdditions))]
    public async Task Adding_an_alias_domain_refuses_a_bad_field_by_name_and_appends_nothing(
        string field,
        string body)
    {
        var problem = await app.Host.RefusedAsync(
            s => s.Post.Text(body).ToUrl("/api/alias-domains").ContentType("application/json"),
            400);

        problem.ShouldName(field);
    }

    [Theory]
    [InlineData("{0}.example.com", "{0}.example.com")]
    [InlineData("{0}.example.com", "{0}.EXAMPLE.com")]
    [InlineData("{0}.example.com", "{0}.example.com.")]
    [InlineData("{0}.bücher.example", "{0}.xn--bcher-kva.example")]
    [InlineData("{0}.xn--bcher-kva.example", "{0}.BÜCHER.example")]
    public async Task Adding_a_domain_name_an_alias_domain_has_is_a_conflict(string first, string again)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await app.Host.AddAliasDomainAsync(string.Format(first, tag));

        var problem = await app.Host.RefusedAsync(
            s => s.Post.Json(new { domain = string.Format(again, tag) }).ToUrl("/api/alias-domains"),
            409);

        problem.ShouldName("domain");
    }

    [Fact]
    public async Task Adding_one_domain_name_concurrently_creates_one_alias_domain()
    {
        var domain = DomainsApi.UniqueDomain();
        var before = await app.Host.EventCountAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var result = await app.Host.Scenario(s =>
            {
                s.Post.Json(new { domain }).ToUrl("/api/alias-domains");
                s.AsAdmin();
                s.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        Assert.Single(statuses, s => s == 201);
        Assert.All(statuses.Where(s => s != 201), s => Assert.Equal(409, s));
        Assert.Equal(before + 1, await app.Host.EventCountAsync());
    }

    [Fact]
    public async Task Concurrent_changes_of_one_alias_domain_either_commit_or_answer_409()
    {
        var id = (await app.Host.AddAliasDomainAsync(DomainsApi.UniqueDomain())).Id();

        var statuses = await Task.WhenAll(Enumerable.Range(1, 8).Select(async sequence =>
        {
            var result = await app.Host.Scenario(s =>
            {
                s.Patch.Json(new { sequence }).ToUrl($"/api/alias-domains/{id}");
                s.AsAdmin();
                s.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 409 }));
        Assert.Contains(200, statuses);
        var events = await app.Host.EventsOfAsync(id);
        Assert.Equal(1 + statuses.Count(s => s == 200), events.Count);
    }

    public static TheoryData<string, string[]> Changes => new()
    {
        // PATCH body (domain "{0}" stands for the current one, "{1}" for a new one) => retired
        { """{"domain":"{1}"}""",
            ["bounce@{0}", "catchall@{0}", "notifications@{0}"] },
        { """{"bounceAlias":"returns"}""", ["bounce@{0}"] },
        { """{"catchallAlias":"replies"}""", ["catchall@{0}"] },
        { """{"defaultFrom":"news"}""", ["notifications@{0}"] },
        { """{"defaultFrom":"news@{0}"}""", ["notifications@{0}"] },
        { """{"sequence":3}""", [] },
        { """{"bounceAlias":"BOUNCE","catchallAlias":"catchall","domain":"{0}"}""", [] },
        { """{"bounceAlias":"returns","catchallAlias":"replies"}""", ["bounce@{0}", "catchall@{0}"] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Changing_an_alias_domain_answers_the_addresses_it_retires(
        string body,
        string[] retired)
    {
        var (current, next) = (DomainsApi.UniqueDomain(), DomainsApi.UniqueDomain());
        var id = (await app.Host.AddAliasDomainAsync(current)).Id();

        var changed = await app.Host.PatchAliasDomainAsync(
            id, JsonDocument.Parse(body.Replace("{0}", current).Replace("{1}", next)).RootElement);

        Assert.Equal(
            retired.Select(r => r.Replace("{0}", current)).Order(),
            changed.GetProperty("retiredAddresses").EnumerateArray().Select(a => a.GetString()).Order());
        Assert.Equal(id, changed.Id());
        AssertSameAliasDomain(await app.Host.GetJsonAsync($"/api/alias-domains/{id}"), changed);
    }

    [Fact]
    public async Task Changing_a_field_to_the_value_it_has_appends_no_event()
    {
        var domain = DomainsApi.UniqueDomain();
        var id = (await app.Host.AddAliasDomainAsync(domain)).Id();

        var changed = await app.Host.PatchAliasDomainAsync(
            id, new { domain = domain.ToUpperInvariant(), bounceAlias = "Bounce", sequence = 10 });

        Assert.Empty(changed.GetProperty("retiredAddresses").EnumerateArray());
        Assert.Single(await app.Host.EventsOfAsync(id));
    }

    [Fact]
    public async Task A_change_records_each_field_with_the_value_it_replaces_then_what_it_retires()
    {
        var (current, next) = (DomainsApi.UniqueDomain(), DomainsApi.UniqueDomain());
        var id = (await app.Host.AddAliasDomainAsync(current)).Id();

        await app.Host.PatchAliasDomainAsync(id, new { domain = next, bounceAlias = "returns" });

        var events = (await app.Host.EventsOfAsync(id)).Select(e => e.Data).ToList();
        Assert.Equal(
            [
                new AliasDomainRenamed(id, current, next),
                new BounceAliasChanged(id, "bounce", "returns"),
                new AliasAddressRetired(id, $"bounce@{current}", AddressRole.Bounce),
                new AliasAddressRetired(id, $"catchall@{current}", AddressRole.Catchall),
            ],
            events.Skip(1));
    }

    public static TheoryData<string, string> BadChanges => new()
    {
        { "domain", """{"domain":"exa mple.com"}""" },
        { "domain", """{"domain":"example.com\r\n"}""" },
        { "domain", """{"domain":""}""" },
        { "bounceAlias", """{"bounceAlias":"a@b"}""" },
        { "bounceAlias", """{"bounceAlias":"catchall"}""" },
        { "catchallAlias", """{"catchallAlias":"bounce"}""" },
        { "catchallAlias", """{"catchallAlias":"catch all"}""" },
        { "defaultFrom", """{"defaultFrom":"@example.com"}""" },
        { "defaultFrom", """{"defaultFrom":"news\n"}""" },
        { "sequence", """{"sequence":-5}""" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task Changing_an_alias_domain_refuses_a_bad_field_by_name_and_appends_nothing(
        string field,
        string body)
    {
        var id = (await app.Host.AddAliasDomainAsync(DomainsApi.UniqueDomain())).Id();

        var problem = await app.Host.RefusedAsync(
            s => s.Patch.Text(body).ToUrl($"/api/alias-domains/{id}").ContentType("application/json"),
            400);

        problem.ShouldName(field);
    }

    [Fact]
    public async Task Renaming_to_a_domain_name_another_alias_domain_has_is_a_conflict()
    {
        var taken = DomainsApi.UniqueDomain();
        await app.Host.AddAliasDomainAsync(taken);
        var id = (await app.Host.AddAliasDomainAsync(DomainsApi.UniqueDomain())).Id();

        var problem = await app.Host.RefusedAsync(
            s => s.Patch.Json(new { domain = taken.ToUpperInvariant() })
                .ToUrl($"/api/alias-domains/{id}"),
            409);

        problem.ShouldName("domain");
    }

    [Fact]
    public async Task Changing_an_unknown_alias_domain_is_not_found_by_id()
    {
        var problem = await app.Host.RefusedAsync(
            s => s.Patch.Json(new { sequence = 1 }).ToUrl($"/api/alias-domains/{Guid.NewGuid()}"),
            404);

        problem.ShouldName("id");
    }

    [Theory]
    [InlineData("/api/alias-domains/{0}")]
    [InlineData("/api/alias-domains/{0}/local-parts")]
    public async Task Reading_an_unknown_alias_domain_is_not_found_by_id(string route)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(string.Format(route, Guid.NewGuid()));
            s.AsAuditor();
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });

        (await result.ReadAsJsonAsync<JsonElement>()).ShouldName("id");
    }

    [Fact]
    public async Task The_list_is_ordered_by_sequence_then_by_age()
    {
        var older = await app.Host.AddAliasDomainAsync(
            new { domain = DomainsApi.UniqueDomain(), sequence = 0 });
        var newer = await app.Host.AddAliasDomainAsync(
            new { domain = DomainsApi.UniqueDomain(), sequence = 0 });

        var list = (await app.Host.GetJsonAsync("/api/alias-domains")).EnumerateArray().ToList();

        var sequences = list.Select(d => d.GetProperty("sequence").GetInt32()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        var ids = list.Select(d => d.Id()).ToList();
        Assert.True(ids.IndexOf(older.Id()) < ids.IndexOf(newer.Id()));
    }

    // A read answers what the change answered, but for the retired addresses.
    private static void AssertSameAliasDomain(JsonElement read, JsonElement changed)
    {
        var expected = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(changed.GetRawText())!;
        expected.Remove("retiredAddresses");
        Assert.Equal(JsonSerializer.Serialize(expected), read.GetRawText());
    }
}
