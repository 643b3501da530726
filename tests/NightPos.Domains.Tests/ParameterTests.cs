using System.Text.Json;
using Alba;
using NightPos.Domains.Contracts;
using NightPos.Domains.Parameters;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

public sealed class ParameterTests(NightPosApp app)
{
    private const string FromFilterUrl = "/api/parameters/mail.default.from_filter";

    [Fact]
    public async Task New_database_sets_the_default_from_filter_to_the_database_subdomain()
    {
        var parameter = await app.Host.GetJsonAsync(FromFilterUrl);

        Assert.Equal(ParameterKeys.DefaultFromFilter, parameter.Text("key"));
        Assert.Equal("company-name.nightpos.com", parameter.Text("value"));
    }

    [Theory]
    [InlineData(" Example.COM , , Info@Bücher.Example ", "example.com,info@xn--bcher-kva.example")]
    [InlineData("a.example.com,A.EXAMPLE.com", "a.example.com")]
    [InlineData("", "")]
    [InlineData(" , ,", "")]
    [InlineData("company-name.nightpos.com", "company-name.nightpos.com")]
    public async Task Setting_the_default_from_filter_stores_it_normalised(string value, string stored)
    {
        try
        {
            var set = await PutAsync("mail.default.from_filter", value);

            Assert.Equal(stored, set.Text("value"));
            Assert.Equal(stored, (await app.Host.GetJsonAsync(FromFilterUrl)).Text("value"));
        }
        finally
        {
            await PutAsync("mail.default.from_filter", "company-name.nightpos.com");
        }
    }

    [Fact]
    public async Task Setting_a_parameter_records_it_and_setting_it_again_appends_nothing()
    {
        var key = $"crm.tagline_{Guid.NewGuid():N}"[..20];

        await PutAsync(key, "  Fresh bread every night ");
        var count = await app.Host.EventCountAsync();
        var again = await PutAsync(key.ToUpperInvariant(), "Fresh bread every night");

        Assert.Equal(key, again.Text("key"));
        Assert.Equal("Fresh bread every night", again.Text("value"));
        Assert.Equal(count, await app.Host.EventCountAsync());
        var stream = await app.Host.EventsOfAsync(StreamIds.Parameter(key));
        Assert.Equal(new ParameterSet(key, "Fresh bread every night"), Assert.Single(stream).Data);
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        // field, key, JSON body
        { "key", "bad%20key", """{"value":"x"}""" },
        { "key", "mail..default", """{"value":"x"}""" },
        { "key", "-mail.default", """{"value":"x"}""" },
        { "key", "mail.default.", """{"value":"x"}""" },
        { "key", "mail.défaut", """{"value":"x"}""" },
        { "key", new string('k', 129), """{"value":"x"}""" },
        { "value", "crm.greeting", """{}""" },
        { "value", "crm.greeting", """{"value":null}""" },
        { "value", "crm.greeting", """{"value":"Hello\r\nBcc: x@example.com"}""" },
        { "value", "crm.greeting", """{"value":"Hello\n"}""" },
        { "value", "crm.greeting", $$"""{"value":"{{new string('v', 4001)}}"}""" },
        { "value", "mail.default.from_filter", """{"value":"exa mple.com"}""" },
        { "value", "mail.default.from_filter", """{"value":"example.com, bad@"}""" },
        { "value", "mail.default.from_filter", """{"value":"example.com;other.com"}""" },
        { "value", "mail.default.from_filter", """{"value":"\"Mary\" <mary@example.com>"}""" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Setting_a_parameter_refuses_a_bad_field_by_name_and_appends_nothing(
        string field,
        string key,
        string body)
    {
        var problem = await app.Host.RefusedAsync(
            s => s.Put.Text(body).ToUrl($"/api/parameters/{key}").ContentType("application/json"),
            400);

        problem.ShouldName(field);
    }

    [Theory]
    [InlineData("crm.never_set", 404)]
    [InlineData("mail.default.from_filter.x", 404)]
    [InlineData("bad%20key", 400)]
    public async Task Reading_a_parameter_that_was_never_set_is_not_found_by_key(string key, int status)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/parameters/{key}");
            s.AsAuditor();
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });

        (await result.ReadAsJsonAsync<JsonElement>()).ShouldName("key");
    }

    [Fact]
    public async Task Parameter_keys_are_read_case_insensitively()
    {
        var parameter = await app.Host.GetJsonAsync("/api/parameters/Mail.Default.From_Filter");

        Assert.Equal(ParameterKeys.DefaultFromFilter, parameter.Text("key"));
    }

    private async Task<JsonElement> PutAsync(string key, string value)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Put.Json(new { value }).ToUrl($"/api/parameters/{key}");
            s.AsAdmin();
            s.StatusCodeShouldBe(200);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
