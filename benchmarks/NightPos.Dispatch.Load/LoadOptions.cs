namespace NightPos.Dispatch.Load;

/// <summary>
/// What one run measures and where its peers listen; the <c>run</c> script beside this project
/// starts the peers and passes their addresses.
/// </summary>
public sealed record LoadOptions(
    int Messages,
    IReadOnlyList<int> ServerCounts,
    int SinkPort,
    int PostfixPort,
    string PostfixQueue,
    string Postgres,
    string HostAssembly,
    int Senders,
    int Warmup,
    string? ConnectionOptions)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option name, found '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"--{name} is missing.");

        return new LoadOptions(
            int.Parse(values.GetValueOrDefault("messages", "5000")),
            values.GetValueOrDefault("servers", "1,100,10000")
                .Split(',')
                .Select(int.Parse)
                .ToList(),
            int.Parse(Required("sink-port")),
            int.Parse(Required("postfix-port")),
            Required("postfix-queue"),
            Required("postgres"),
            Required("host"),
            int.Parse(values.GetValueOrDefault("senders", "16")),
            int.Parse(values.GetValueOrDefault("warmup", "2000")),
            values.GetValueOrDefault("connection-options"));
    }
}
