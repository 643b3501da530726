using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Servers.Contracts;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// TLS as configured or not at all (SPEC R17), and the faults Postfix's smtp-sink really
/// commits on loopback.
/// </summary>
public sealed class SmtpFaultTests : IDisposable
{
    private readonly TestAuthority _certificates = TestAuthority.Create();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task Starttls_required_but_not_offered_fails_as_tls_and_sends_nothing_in_clear()
    {
        using var sink = await PostfixSmtpSink.StartAsync();
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(
            DeliveryEdge.Target(sink.Port, ServerEncryption.Starttls), ["a@example.com"]);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((OutcomeKind.Permanent, FailureTypes.Tls), (outcome.Kind, outcome.Word));
    }

    [Theory]
    [InlineData(ServerEncryption.Starttls, false)]
    [InlineData(ServerEncryption.Ssl, true)]
    public async Task Tls_to_a_server_of_a_trusted_private_authority_delivers(
        ServerEncryption encryption,
        bool implicitTls)
    {
        await using var server = await TestSmtpServer.StartAsync(_certificates.Server, implicitTls);
        await using var edge = Trusting();

        var report = await edge.SendAsync(
            DeliveryEdge.Target(server.Port, encryption, host: "localhost"), ["a@example.com"]);

        Assert.Equal(OutcomeKind.Accepted, Assert.Single(report.Outcomes).Kind);
        Assert.Single(server.Received);
    }

    [Theory]
    [InlineData(ServerEncryption.Starttls, false)]
    [InlineData(ServerEncryption.Ssl, true)]
    public async Task Tls_to_an_untrusted_certificate_fails_as_tls(
        ServerEncryption encryption,
        bool implicitTls)
    {
        await using var server = await TestSmtpServer.StartAsync(_certificates.Server, implicitTls);
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(
            DeliveryEdge.Target(server.Port, encryption, host: "localhost"), ["a@example.com"]);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((OutcomeKind.Permanent, FailureTypes.Tls), (outcome.Kind, outcome.Word));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Tls_to_a_certificate_for_another_name_fails_even_from_a_trusted_authority()
    {
        using var elsewhere = _certificates.Issue("mail.example.com");
        await using var server = await TestSmtpServer.StartAsync(elsewhere, implicitTls: true);
        await using var edge = Trusting();

        var report = await edge.SendAsync(
            DeliveryEdge.Target(server.Port, ServerEncryption.Ssl, host: "localhost"),
            ["a@example.com"]);

        Assert.Equal(FailureTypes.Tls, Assert.Single(report.Outcomes).Word);
    }

    [Fact]
    public async Task Ssl_to_a_plain_text_server_fails_as_tls()
    {
        using var sink = await PostfixSmtpSink.StartAsync();
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(
            DeliveryEdge.Target(sink.Port, ServerEncryption.Ssl), ["a@example.com"]);

        Assert.Equal(FailureTypes.Tls, Assert.Single(report.Outcomes).Word);
    }

    [Fact]
    public async Task Connection_dropped_after_the_end_of_data_is_a_transient_connection_loss()
    {
        using var sink = await PostfixSmtpSink.StartAsync("-q", ".");
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(
            DeliveryEdge.Target(sink.Port), ["a@example.com", "b@example.com"]);

        Assert.All(report.Outcomes, o =>
            Assert.Equal(
                (OutcomeKind.Transient, DeferralReasons.ConnectionLost), (o.Kind, o.Word)));
    }

    [Fact]
    public async Task Server_that_closes_with_421_is_a_transient_failure()
    {
        using var sink = await PostfixSmtpSink.StartAsync("-Q", "MAIL");
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(DeliveryEdge.Target(sink.Port), ["a@example.com"]);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(OutcomeKind.Transient, outcome.Kind);
    }

    [Fact]
    public async Task Smtp_sink_accepts_the_message()
    {
        using var sink = await PostfixSmtpSink.StartAsync();
        await using var edge = new DeliveryEdge();

        var report = await edge.SendAsync(DeliveryEdge.Target(sink.Port), ["a@example.com"]);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(OutcomeKind.Accepted, outcome.Kind);
        Assert.StartsWith("250", outcome.Reply);
    }

    private DeliveryEdge Trusting() => new(new MailDeliveryOptions
    {
        CommandTimeout = "10s",
        TrustedCertificates = _certificates.AuthorityPemPath,
    });
}
