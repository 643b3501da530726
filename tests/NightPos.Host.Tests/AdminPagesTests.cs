using System.Net;
using NightPos.Testing;

namespace NightPos.Host.Tests;

/// <summary>
/// The administration pages are open without a key, carry a policy that keeps foreign scripts
/// out, and open nothing under <c>/api</c> (ADR 0016).
/// </summary>
public sealed class AdminPagesTests(NightPosApp app)
{
    [Theory]
    [InlineData("/admin/", "text/html")]
    [InlineData("/admin/index.html", "text/html")]
    [InlineData("/admin/admin.css", "text/css")]
    [InlineData("/admin/js/app.js", "text/javascript")]
    [InlineData("/admin/js/pages/servers.js", "text/javascript")]
    public async Task Admin_file_is_served_without_a_key_with_a_strict_policy(
        string path,
        string type)
    {
        var client = app.Host.Server.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal(
            "nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Admin_without_a_slash_redirects_to_the_pages()
    {
        var client = app.Host.Server.CreateClient();

        var response = await client.GetAsync("/admin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.EndsWith("/admin/", response.Headers.Location?.ToString());
    }

    // Near misses: the pages' folder name under /api, a path that climbs out of the folder,
    // a file the folder does not hold.
    [Theory]
    [InlineData("/api/admin/index.html", HttpStatusCode.NotFound)]
    [InlineData("/admin/../api/servers", HttpStatusCode.Unauthorized)]
    [InlineData("/admin/js/missing.js", HttpStatusCode.NotFound)]
    public async Task Admin_files_open_nothing_else(string path, HttpStatusCode expected)
    {
        var client = app.Host.Server.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }
}
