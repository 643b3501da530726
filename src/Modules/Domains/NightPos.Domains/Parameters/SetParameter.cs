using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine.Http;

namespace NightPos.Domains.Parameters;

/// <summary>Sets a system parameter, creating it on first use.</summary>
public sealed record SetParameter(string? Value);

public static class SetParameterEndpoint
{
    public static ParameterInput Before(string key, SetParameter command)
    {
        var errors = new FieldErrors();
        var normalisedKey = errors.Check("key", key, ParameterKey.Normalize);
        var value = normalisedKey is null
            ? null
            : errors.Check("value", command.Value, (string? input, out string? error) =>
                ParameterValue.Normalize(normalisedKey, input, out error));
        return new ParameterInput(normalisedKey, value, errors);
    }

    public static async Task<IEventStream<Parameter>?> LoadAsync(
        ParameterInput input,
        IDocumentSession session,
        CancellationToken cancellation) =>
        input.Key is null
            ? null
            : await session.Events.FetchForWriting<Parameter>(
                StreamIds.Parameter(input.Key), cancellation);

    public static ProblemDetails Validate(ParameterInput input) =>
        input.Errors.Any ? input.Errors.ToProblem() : WolverineContinue.NoProblems;

    [WolverinePut("/api/parameters/{key}")]
    [Authorize(Policy = Policies.Configure)]
    public static ParameterResponse Put(
        SetParameter command,
        ParameterInput input,
        IEventStream<Parameter> stream,
        ILogger<SetParameter> logger)
    {
        var (key, value) = (input.Key!, input.Value!);
        if (stream.Aggregate?.Value != value)
        {
            stream.AppendOne(new ParameterSet(key, value));
            DomainsLog.ParameterSet(logger, key);
        }

        return new ParameterResponse(key, value);
    }
}
