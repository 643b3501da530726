using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Servers.Contracts;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// A server record that accepts invalid certificates (ADR 0019): its connections accept a
/// certificate no trusted authority signed, or one for another name, and still speak TLS; they
/// never fall back to plain text, and they are never reused for a target that validates.
/// </summary>
public sealed class InvalidCertificateTests : IDisposable
{
    private readonly TestAuthority _untrusted = TestAuthority.Create();

    public void Dispose() => _untrusted.Dispose();

    [Theory]
    [InlineData(ServerEncryption.Starttls, false)]
    [InlineData(ServerEncryption.Ssl, true)]
    public async Task Switch_on_delivers_over_tls_to_an_untrusted_certificate(
        ServerEncryption encryption,
        bool implicitTls)
    {
        await using var server = await TestSmtpServer.StartAsync(_untrusted.Server, implicitTls);
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(Accepting(server.Port, encryption), ["a@example.com"]);

        Assert.Equal(OutcomeKind.Accepted, Assert.Single(report.Outcomes).Kind);
        Assert.True(Assert.Single(server.Received).OverTls);
    }

    [Fact]
    public async Task Switch_on_delivers_to_a_certificate_issued_for_another_name()
    {
        using var elsewhere = TestAuthority.Create("mail.example.com");
        await using var server =
            await TestSmtpServer.StartAsync(elsewhere.Server, implicitTls: true);
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(
            Accepting(server.Port, ServerEncryption.Ssl), ["a@example.com"]);

        Assert.Equal(OutcomeKind.Accepted, Assert.Single(report.Outcomes).Kind);
        Assert.True(Assert.Single(server.Received).OverTls);
    }

    [Fact]
    public async Task Switch_on_still_fails_as_tls_where_starttls_is_not_offered()
    {
        using var sink = await PostfixSmtpSink.StartAsync();
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(
            Accepting(sink.Port, ServerEncryption.Starttls, host: "127.0.0.1"), ["a@example.com"]);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((OutcomeKind.Permanent, FailureTypes.Tls), (outcome.Kind, outcome.Word));
    }

    [Fact]
    public async Task Switch_on_still_fails_as_tls_where_ssl_meets_a_plain_text_server()
    {
        using var sink = await PostfixSmtpSink.StartAsync();
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(
            Accepting(sink.Port, ServerEncryption.Ssl, host: "127.0.0.1"), ["a@example.com"]);

        Assert.Equal(FailureTypes.Tls, Assert.Single(report.Outcomes).Word);
    }

    [Fact]
    public async Task Connection_opened_with_the_switch_on_is_not_reused_once_it_is_off()
    {
        await using var server = await TestSmtpServer.StartAsync(_untrusted.Server);
        await using var edge = new DeliveryEdge();
        var accepting = Accepting(server.Port, ServerEncryption.Starttls);
        var validating = DeliveryEdge.Target(
            server.Port, ServerEncryption.Starttls, host: "localhost");

        var first = await edge.SendAsync(accepting, ["a@example.com"]);
        var second = await edge.SendAsync(validating, ["b@example.com"]);

        Assert.Equal(OutcomeKind.Accepted, Assert.Single(first.Outcomes).Kind);
        Assert.Equal(FailureTypes.Tls, Assert.Single(second.Outcomes).Word);
        Assert.NotEqual(accepting.Key, validating.Key);
        Assert.Single(server.Received);
    }

    [Theory]
    [InlineData(ServerAuthentication.Login, true, true)]
    [InlineData(ServerAuthentication.Login, false, false)]
    [InlineData(ServerAuthentication.Certificate, true, true)]
    [InlineData(ServerAuthentication.Cli, true, false)]
    public void Target_of_a_server_record_carries_its_switch_and_a_cli_record_never(
        ServerAuthentication authentication,
        bool switchOn,
        bool expected)
    {
        var record = new OutgoingServerInfo(Guid.NewGuid(), "Relay", "relay.internal", 587,
            ServerEncryption.Starttls, authentication, null, false, false, "", 10, true,
            DateTimeOffset.UtcNow, 1, AcceptInvalidCertificate: switchOn);

        var target = SmtpTarget.ForServer(record, new DefaultServerOptions());

        Assert.Equal(expected, target.AcceptInvalidCertificate);
    }

    private static SmtpTarget Accepting(
        int port,
        ServerEncryption encryption,
        string host = "localhost") =>
        DeliveryEdge.Target(port, encryption, host: host, acceptInvalidCertificate: true);
}
