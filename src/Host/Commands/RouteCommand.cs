using JasperFx.CommandLine;
using Microsoft.AspNetCore.Mvc;
using NightPos.Dispatch.Routing;
using Wolverine.Http;

namespace NightPos.Host.Commands;

public sealed class RouteInput : MessageInput
{
    [Description("Decide as the configuration stood at this past instant (ISO 8601, SPEC R16)")]
    public string? AtFlag { get; set; }
}

/// <summary>
/// <c>route</c>: the routing preview of <c>POST /api/routing/preview</c> on the command line:
/// which server, which From and envelope From, by which rule, and why.
/// </summary>
[Description("Preview which server and which From routing chooses (SPEC R5-R7)", Name = "route")]
public sealed class RouteCommand : HostedCommand<RouteInput>
{
    protected override string? Check(RouteInput input)
    {
        CommandArguments.TryInstant(input.AtFlag, out _, out var at);
        return CommandArguments.First(input.CheckMessageFlags(), at)
            ?? Refusal(PreviewRouteEndpoint.Validate(Request(input)), "from");
    }

    protected override async Task<bool> RunAsync(
        RouteInput input,
        IServiceProvider services,
        TextWriter output,
        CancellationToken cancellation)
    {
        var request = Request(input);
        RouteDecision route;
        try
        {
            var router = services.GetRequiredService<NightPos.Dispatch.Routing.IRouter>();
            route = await router.RouteAsync(
                new RouteRequest(request.CompanyId, request.From, request.Kind, request.ServerId),
                request.At,
                cancellation);
        }
        catch (RouteRefusedException refused)
        {
            await Console.Error.WriteLineAsync(
                $"--{CommandArguments.FlagFor(refused.Field)}: {refused.Message}");
            return false;
        }

        await output.WriteLineAsync($"server         {route.ServerName}"
            + (route.ServerId is { } id ? $" ({id})" : " (the default server)"));
        await output.WriteLineAsync($"from           {route.HeaderFrom}");
        await output.WriteLineAsync($"envelope from  {route.EnvelopeFrom}");
        await output.WriteLineAsync($"reply-to       {route.ReplyTo}");
        await output.WriteLineAsync($"rule           {CommandArguments.Kebab(route.Rule)}");
        await output.WriteLineAsync($"explanation    {route.Explanation}");
        foreach (var warning in route.Warnings)
        {
            await output.WriteLineAsync($"warning        {warning}");
        }

        return true;
    }

    /// <summary>A validation answer's detail, or null when it let the request through.</summary>
    internal static string? Refusal(ProblemDetails problem, string flag) =>
        ReferenceEquals(problem, WolverineContinue.NoProblems)
            ? null
            : $"--{flag}: {problem.Detail}";

    private static PreviewRoute Request(RouteInput input)
    {
        var (company, server, kind) = input.MessageFlags();
        CommandArguments.TryInstant(input.AtFlag, out var at, out _);
        return new PreviewRoute(company, input.FromFlag, kind, server, at);
    }
}
