using System.Text.Json;

namespace NightPos.Routing.Tests.Cases;

/// <summary>
/// The worked examples: the shared file copied as data (routing-cases.json) and this project's
/// own cases in the same format (more-routing-cases.json), for what the shared file leaves out.
/// </summary>
public static class RoutingCases
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyDictionary<string, RoutingCase>> ById = new(Load);

    public static IReadOnlyCollection<string> Ids => ById.Value.Keys.ToList();

    public static RoutingCase Get(string id) => ById.Value[id];

    public static IEnumerable<RoutingCase> All => ById.Value.Values;

    private static IReadOnlyDictionary<string, RoutingCase> Load()
    {
        var cases = new Dictionary<string, RoutingCase>();
        foreach (var file in new[] { "routing-cases.json", "more-routing-cases.json" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Cases", file);
            var document = JsonSerializer.Deserialize<CaseFile>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{file} holds no cases.");
            foreach (var routingCase in document.Cases)
            {
                cases.Add(routingCase.Id, routingCase);
            }
        }

        return cases;
    }

    private sealed record CaseFile(IReadOnlyList<RoutingCase> Cases);
}
