using Microsoft.Extensions.FileProviders;

namespace NightPos.Host.Http;

/// <summary>
/// Serves the administration pages under <c>/admin</c>: static files shipped beside the host's
/// assembly, open without a key because they only ask for one and then call <c>/api</c>, whose
/// policies stay as they are (ADR 0016).
/// </summary>
internal static partial class AdminPages
{
    public const string RequestPath = "/admin";

    // Scripts and styles come only from these files, and no answer can be framed elsewhere:
    // the pages hold a key, so nothing foreign may run beside them.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static WebApplication UseAdminPages(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "admin");
        if (!Directory.Exists(Path.Combine(root, "js")))
        {
            LogPagesMissing(app.Logger, root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions
        {
            FileProvider = files,
            RequestPath = RequestPath,
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = RequestPath,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";

                // Revalidated on every load, so that a new release's pages and API meet.
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning,
        Message = "The administration pages are not served: no files under {Root}")]
    private static partial void LogPagesMissing(ILogger logger, string root);
}
