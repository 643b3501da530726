using System.Text.Json;
using Alba;
using MimeKit;
using NightPos.Kernel.Mail;
using NightPos.Testing;

namespace NightPos.Routing.Tests.Cases;

/// <summary>
/// Every worked routing example against the real host over HTTP: the setup through the
/// configuration routes, the question through <c>POST /api/routing/preview</c> (API.md).
/// </summary>
public sealed class RoutingCasesTests(CaseDatabases databases) : IClassFixture<CaseDatabases>
{
    public static TheoryData<string> CaseIds => new(RoutingCases.Ids);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Preview_answers_as_the_worked_example_says(string id)
    {
        var routingCase = RoutingCases.Get(id);
        var database = await databases.OpenAsync(routingCase.Setup);
        try
        {
            await CheckAsync(database, routingCase);
        }
        finally
        {
            await databases.ReleaseAsync(routingCase.Setup);
        }
    }

    private static async Task CheckAsync(CaseDatabase database, RoutingCase routingCase)
    {
        var request = routingCase.Request;
        var expect = routingCase.Expect;
        var body = new Dictionary<string, object?>
        {
            ["from"] = request.From,
            ["kind"] = request.Kind,
        };
        if (request.Company != "default")
        {
            body["companyId"] = database.CompanyId(request.Company);
        }

        if (request.Server is { } server)
        {
            body["serverId"] = database.ServerId(server);
        }

        var result = await database.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/routing/preview");
            s.AsSender();
            s.StatusCodeShouldBe(expect.Problem?.Status ?? 200);
        });
        var answer = await result.ReadAsJsonAsync<JsonElement>();

        if (expect.Problem is { } problem)
        {
            Assert.Equal(problem.Field, answer.GetProperty("field").GetString());
            Assert.Contains(problem.Field, answer.GetProperty("detail").GetString());
            return;
        }

        var serverId = answer.GetProperty("serverId") is { ValueKind: JsonValueKind.String } sid
            ? sid.GetGuid()
            : (Guid?)null;
        var headerFrom = MailboxAddress.Parse(answer.GetProperty("headerFrom").GetString()!);
        var warnings = answer.GetProperty("warnings").GetArrayLength();

        var explanation = answer.GetProperty("explanation").GetString();
        var actual = new
        {
            Server = database.ServerKey(serverId),
            Rule = answer.GetProperty("rule").GetString(),
            Name = headerFrom.Name is { Length: > 0 } name ? name : null,
            Address = Comparable(headerFrom.Address),
            Envelope = Comparable(answer.GetProperty("envelopeFrom").GetString()!),
        };
        var expected = new
        {
            expect.Server,
            expect.Rule,
            Name = expect.HeaderFromName,
            Address = Comparable(expect.HeaderFromAddress!),
            Envelope = Comparable(expect.EnvelopeFrom!),
        };
        Assert.Equal(expected, actual);
        Assert.False(string.IsNullOrWhiteSpace(explanation));
        Assert.True(
            Ascii(answer.GetProperty("envelopeFrom").GetString()!),
            "The envelope sender must be ASCII (punycode domain).");
        if (expect.Warns is { } warns)
        {
            Assert.Equal(warns, warnings > 0);
        }
    }

    // The file's comparison: case-insensitive, domains in their ASCII (punycode) form.
    private static string Comparable(string address) =>
        EmailAddress.ToComparable(address)
        ?? throw new ArgumentException($"'{address}' is not an address.", nameof(address));

    private static bool Ascii(string text) => System.Text.Ascii.IsValid(text);
}
