using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace NightPos.Servers.Http;

/// <summary>
/// Turns a lost race into a 409 answer (ADR 0006): another request changed the same server or
/// setting between our read and our commit, Marten's optimistic check refused the commit, and
/// the transaction rolled back, so nothing was appended and no secret was stored.
/// </summary>
public sealed class ServersExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private static readonly string[] Routes = ["/api/servers", "/api/settings/mass-mailing"];

    public async ValueTask<bool> TryHandleAsync(
        HttpContext context,
        Exception exception,
        CancellationToken cancellationToken)
    {
        if (!Routes.Any(r => context.Request.Path.StartsWithSegments(r))
            || !Causes(exception).Any(e => e is ConcurrencyException))
        {
            return false;
        }

        var problem = Problems.Conflict("id",
            "id: another request changed this server or setting at the same time; read it again "
            + "and retry the change.");
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
