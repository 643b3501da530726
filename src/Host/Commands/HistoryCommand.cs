using System.Text.Json;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NightPos.Host.Auditing;
using Wolverine;

namespace NightPos.Host.Commands;

public sealed class HistoryInput : NetCoreInput
{
    [Description("The past instant to rebuild the configuration at (ISO 8601); now when left out")]
    public string? AtFlag { get; set; }

    [Description("Also list the configuration changes recorded up to that instant")]
    public bool ChangesFlag { get; set; }
}

/// <summary>
/// <c>history</c>: the whole configuration as it stood at an instant (SPEC R16), as
/// <c>GET /api/configuration?at=</c> answers it, and optionally the changes that led there, as
/// <c>GET /api/history?to=</c> lists them. Secrets are never part of either (ADR 0008).
/// </summary>
[Description("Print the configuration as it stood at an instant (SPEC R16)", Name = "history")]
public sealed class HistoryCommand : HostedCommand<HistoryInput>
{
    protected override string? Check(HistoryInput input)
    {
        CommandArguments.TryInstant(input.AtFlag, out var at, out var problem);
        return problem ?? RouteCommand.Refusal(
            ConfigurationEndpoint.Validate(at, TimeProvider.System), "at");
    }

    protected override async Task<bool> RunAsync(
        HistoryInput input,
        IServiceProvider services,
        TextWriter output,
        CancellationToken cancellation)
    {
        CommandArguments.TryInstant(input.AtFlag, out var at, out _);
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        if (input.ChangesFlag)
        {
            var changes = await HistoryEndpoint.Get(
                null, at, null, services.GetRequiredService<IQuerySession>(), cancellation);
            await output.WriteLineAsync($"{changes.Count} configuration changes:");
            foreach (var change in changes)
            {
                await output.WriteLineAsync($"{change.Sequence,8}  {change.At:O}  "
                    + $"{change.Actor ?? "-",-10}  {change.Type,-36}  {change.Stream}");
            }

            await output.WriteLineAsync();
        }

        var configuration = await ConfigurationEndpoint.Get(
            at,
            services.GetRequiredService<IMessageBus>(),
            services.GetRequiredService<TimeProvider>(),
            cancellation);
        await output.WriteLineAsync(JsonSerializer.Serialize(
            configuration, new JsonSerializerOptions(json) { WriteIndented = true }));
        return true;
    }
}
