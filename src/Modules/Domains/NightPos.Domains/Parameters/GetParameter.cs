using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine.Http;

namespace NightPos.Domains.Parameters;

/// <summary>Reads one system parameter.</summary>
public static class GetParameterEndpoint
{
    public static async Task<Parameter?> LoadAsync(
        string key,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var normalised = ParameterKey.Normalize(key, out _);
        return normalised is null
            ? null
            : await session.LoadAsync<Parameter>(StreamIds.Parameter(normalised), cancellation);
    }

    public static ProblemDetails Validate(string key, Parameter? parameter)
    {
        var errors = new FieldErrors();
        if (errors.Check("key", key, ParameterKey.Normalize) is null)
        {
            return errors.ToProblem();
        }

        return parameter is null
            ? FieldErrors.NotFound("key", $"key '{key}' is no parameter that has been set; set it "
                + "with PUT /api/parameters/{key}.")
            : WolverineContinue.NoProblems;
    }

    [WolverineGet("/api/parameters/{key}")]
    [Authorize(Policy = Policies.Audit)]
    public static ParameterResponse Get(Parameter parameter) => new(parameter.Key, parameter.Value);
}
