using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using NightPos.Kernel.Http;
using Npgsql;

namespace NightPos.Domains.Http;

/// <summary>
/// Turns the two races a configuration change can lose into 409 answers: another request took
/// the same domain name between our check and our commit (the unique index settles it), or
/// changed the same stream meanwhile (Marten's optimistic concurrency check). Either way the
/// transaction rolled back, so nothing was appended.
/// </summary>
internal sealed class DomainsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private static readonly string[] Routes =
        ["/api/alias-domains", "/api/companies", "/api/parameters"];

    public async ValueTask<bool> TryHandleAsync(
        HttpContext context,
        Exception exception,
        CancellationToken cancellationToken)
    {
        if (!Routes.Any(r => context.Request.Path.StartsWithSegments(r)))
        {
            return false;
        }

        var problem = Causes(exception).Any(IsDomainTaken)
            ? FieldErrors.Conflict(
                "domain",
                "Another request gave an alias domain this domain name at the same time: two alias "
                + "domains cannot share a domain name (SPEC R3); list them and retry.")
            : Causes(exception).Any(e => e is ConcurrencyException)
                ? FieldErrors.Conflict(
                    "id",
                    "Another request changed this record at the same time; read it again and "
                    + "retry the change.")
                : null;
        if (problem is null)
        {
            return false;
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static bool IsDomainTaken(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
        && unique.ConstraintName == DomainsModule.DomainIndexName;

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
