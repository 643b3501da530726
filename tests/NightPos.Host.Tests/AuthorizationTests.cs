using Alba;
using NightPos.Testing;

namespace NightPos.Host.Tests;

public sealed class AuthorizationTests(NightPosApp app)
{
    // The configuration history is for auditors and administrators: a sender's key is valid
    // yet has no right to it, a near miss of a real key is no key at all.
    public static TheoryData<string?, int> Keys => new()
    {
        { null, 401 },
        { "not-a-key-of-this-installation", 401 },
        { TestKeys.Admin + "x", 401 },
        { TestKeys.Admin.ToUpperInvariant(), 401 },
        { TestKeys.Sender, 403 },
        { TestKeys.Auditor, 200 },
        { TestKeys.Admin, 200 },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task History_answers_by_the_role_of_the_key(string? key, int expected)
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/history");
            if (key is not null)
            {
                s.WithKey(key);
            }

            s.StatusCodeShouldBe(expected);
        });
    }

    [Theory]
    [InlineData("Basic " + TestKeys.Admin)]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public async Task Malformed_authorization_headers_are_refused(string header)
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/history");
            s.WithRequestHeader("Authorization", header);
            s.StatusCodeShouldBe(401);
        });
    }
}
