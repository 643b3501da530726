using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NightPos.Domains.Contracts;
using NightPos.Kernel;
using NightPos.Kernel.Mail;
using NightPos.Servers.Contracts;
using NightPos.Servers.Http;
using NightPos.Servers.OutgoingServers;
using NightPos.Servers.Secrets;
using Wolverine;
using Wolverine.Http;

namespace NightPos.Servers.ConnectionTests;

/// <summary>
/// Tests a server's connection without sending anything (SPEC R9; API.md
/// <c>POST /api/servers/{id}/test</c>) and records the outcome on the server's stream.
/// </summary>
public static class TestServerConnectionEndpoint
{
    [WolverinePost("/api/servers/{id}/test")]
    [Authorize(Policy = Policies.Configure)]
    public static async Task<Results<Ok<ConnectionTestResult>, ProblemHttpResult>> Post(
        Guid id,
        IDocumentSession session,
        IServerCredentials credentials,
        IMessageBus bus,
        SmtpConnectionProbe probe,
        IOptions<ServersOptions> options,
        IOptions<DefaultServerOptions> defaults,
        CancellationToken cancellation)
    {
        var server = await session.LoadAsync<OutgoingServer>(id, cancellation);
        if (server is null)
        {
            return TypedResults.Problem(Problems.UnknownServer(id));
        }

        ServerSecrets? secrets;
        try
        {
            secrets = await SecretsOf(server, credentials, defaults.Value, cancellation);
        }
        catch (SecretUnavailableException e)
        {
            return TypedResults.Problem(Problems.Conflict("id", $"id: {e.Message}"));
        }

        var filter = FromFilter.FromStored(server.FromFilter);
        var sender = TestSender.Choose(
            filter,
            await NotificationAddressesAsync(filter, bus, cancellation),
            options.Value.DatabaseDomain);
        var recipient = options.Value.TestRecipient
            ?? $"postmaster@{EmailAddress.DomainOf(sender)}";
        var connection = ServerConnection.Of(server, defaults.Value);
        var target = new ProbeTarget(
            id,
            connection.Host,
            connection.Port,
            connection.Encryption,
            connection.Username,
            secrets,
            sender,
            recipient,
            server.AcceptInvalidCertificate);

        var outcome = await probe.ProbeAsync(target, cancellation);

        var stream = await session.Events.FetchForWriting<OutgoingServer>(id, cancellation);
        if (stream.Aggregate is null)
        {
            return TypedResults.Problem(Problems.UnknownServer(id));
        }

        var failure = outcome.Failure is { } f ? ConnectionFailures.Word(f) : null;
        stream.AppendOne(new ServerConnectionTested(
            id, outcome.Ok, failure, outcome.Message, sender, recipient));
        return TypedResults.Ok(
            new ConnectionTestResult(outcome.Ok, failure, outcome.Message, sender, recipient));
    }

    // Only asked when the filter names no whole address, which SPEC R9 would try first.
    private static async Task<IReadOnlyList<string>> NotificationAddressesAsync(
        FromFilter filter,
        IMessageBus bus,
        CancellationToken cancellation)
    {
        if (filter.Addresses.Any())
        {
            return [];
        }

        var domains = await bus.InvokeAsync<DomainsConfiguration>(
            new GetDomainsConfiguration(), cancellation);
        return domains.AliasDomains.Select(d => d.NotificationAddress).ToList();
    }

    private static async Task<ServerSecrets?> SecretsOf(
        OutgoingServer server,
        IServerCredentials credentials,
        DefaultServerOptions defaults,
        CancellationToken cancellation)
    {
        // SPEC R7: a cli server's password is the default server's, from the configuration.
        if (server.Authentication == ServerAuthentication.Cli)
        {
            return string.IsNullOrEmpty(defaults.Password)
                ? null
                : new ServerSecrets(defaults.Password, null, null);
        }

        return server.Secret is null ? null : await credentials.GetAsync(server.Id, cancellation);
    }
}
