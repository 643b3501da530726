using Alba;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

/// <summary>
/// Administrators configure, auditors read, senders do neither (API.md, SPEC R17).
/// </summary>
public sealed class AuthorizationTests(NightPosApp app)
{
    private const string DefaultAliasDomain = "771c9395-8771-5528-a52b-6c2883465381";
    private const string DefaultCompany = "be4de71c-31d7-523c-a440-d069dbf26542";

    public static TheoryData<string> Reads => new(
        "/api/alias-domains",
        $"/api/alias-domains/{DefaultAliasDomain}",
        $"/api/alias-domains/{DefaultAliasDomain}/local-parts",
        "/api/companies",
        "/api/parameters/mail.default.from_filter");

    public static TheoryData<string, string, string> Writes => new()
    {
        { "POST", "/api/alias-domains", """{"domain":"denied.example.com"}""" },
        { "PATCH", $"/api/alias-domains/{DefaultAliasDomain}", """{"sequence":99}""" },
        { "POST", "/api/companies", """{"name":"Denied Ltd"}""" },
        {
            "PATCH", $"/api/companies/{DefaultCompany}",
            $$"""{"aliasDomainId":"{{DefaultAliasDomain}}"}"""
        },
        { "PUT", "/api/parameters/mail.default.from_filter", """{"value":"denied.example.com"}""" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Configuration_reads_are_for_auditors_and_administrators(string url)
    {
        foreach (var (key, status) in new (string?, int)[]
        {
            (null, 401), (TestKeys.Sender, 403), (TestKeys.Auditor, 200), (TestKeys.Admin, 200),
        })
        {
            await app.Host.Scenario(s =>
            {
                s.Get.Url(url);
                if (key is not null)
                {
                    s.WithKey(key);
                }

                s.StatusCodeShouldBe(status);
            });
        }
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Configuration_writes_are_for_administrators_only(
        string method,
        string url,
        string body)
    {
        var before = await app.Host.EventCountAsync();

        foreach (var (key, status) in new (string?, int)[]
        {
            (null, 401), (TestKeys.Sender, 403), (TestKeys.Auditor, 403),
        })
        {
            await app.Host.Scenario(s =>
            {
                var send = method switch
                {
                    "POST" => s.Post,
                    "PATCH" => s.Patch,
                    "PUT" => s.Put,
                    _ => throw new ArgumentOutOfRangeException(nameof(method)),
                };
                send.Text(body).ToUrl(url).ContentType("application/json");
                if (key is not null)
                {
                    s.WithKey(key);
                }

                s.StatusCodeShouldBe(status);
                s.ContentTypeShouldBe("application/problem+json");
            });
        }

        Assert.Equal(before, await app.Host.EventCountAsync());
    }
}
