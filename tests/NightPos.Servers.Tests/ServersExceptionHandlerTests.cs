using System.Text.Json;
using JasperFx;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Servers.Http;

namespace NightPos.Servers.Tests;

/// <summary>A change that loses a race is answered 409, and only on the module's routes.</summary>
public sealed class ServersExceptionHandlerTests(ServersApp app)
{
    [Theory]
    [InlineData("/api/servers/5f0c2a9e-0000-0000-0000-000000000000", true)]
    [InlineData("/api/settings/mass-mailing", true)]
    [InlineData("/api/alias-domains", false)]
    public async Task Concurrency_failure_is_a_409_on_the_servers_routes(string path, bool handled)
    {
        using var scope = app.Host.Services.CreateScope();
        var handler = new ServersExceptionHandler(
            scope.ServiceProvider.GetRequiredService<IProblemDetailsService>());
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        var lost = new InvalidOperationException(
            "commit failed", new ConcurrencyException("stream version moved"));

        var answered = await handler.TryHandleAsync(
            context, lost, TestContext.Current.CancellationToken);

        Assert.Equal(handled, answered);
        if (handled)
        {
            Assert.Equal(409, context.Response.StatusCode);
            context.Response.Body.Position = 0;
            var problem = await JsonSerializer.DeserializeAsync<JsonElement>(
                context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Contains("retry", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Other_failures_are_left_to_the_host()
    {
        using var scope = app.Host.Services.CreateScope();
        var handler = new ServersExceptionHandler(
            scope.ServiceProvider.GetRequiredService<IProblemDetailsService>());
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = "/api/servers";

        var answered = await handler.TryHandleAsync(
            context, new InvalidOperationException("boom"), TestContext.Current.CancellationToken);

        Assert.False(answered);
    }
}
