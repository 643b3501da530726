using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Hosting;
using NightPos.Servers.Tests.SmtpPeers;
using NightPos.Testing;

namespace NightPos.Servers.Tests;

/// <summary>
/// The connection test trusts what delivery trusts (SPEC R9, R17, ADR 0019): a real TLS peer on
/// loopback whose certificate a private authority of <c>NightPos:Delivery:TrustedCertificates</c>
/// signed passes; the same authority never excuses a wrong name, and without the setting the
/// same certificate fails as <c>tls</c>.
/// </summary>
public sealed class PrivateAuthorityTrustTests(ServersApp app)
{
    private static readonly (string, string) Login = ServerApi.PeerLogin;

    // Names the authority signs that are not the host the record names: another host, the
    // host as the first label of a longer name, and a look-alike with a letter more.
    public static TheoryData<string> OtherNames => new()
    {
        "mail.example.com",
        "localhost.example.com",
        "localhostt",
    };

    [Theory]
    [InlineData("starttls", false, "localhost")]
    [InlineData("ssl", true, "localhost")]
    [InlineData("starttls", false, "127.0.0.1")]
    public async Task Test_connection_trusts_a_certificate_of_a_private_authority_delivery_trusts(
        string encryption,
        bool sslOnConnect,
        string host)
    {
        await using var smtp = await FakeSmtpServer.StartAsync(
            login: Login, certificate: app.Authority.Server, sslOnConnect: sslOnConnect);
        var id = await AddAsync(app.Host, $"Private authority {encryption} {host}", host,
            encryption, smtp.Port);

        var result = await ServerApi.TestConnectionAsync(app.Host, id);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.DoesNotContain("Warning", result.GetProperty("message").GetString());
        Assert.NotEmpty(smtp.Seen.SendersOverTls);
        Assert.All(smtp.Seen.SendersOverTls, Assert.True);
        Assert.Equal(0, smtp.Seen.MessagesStored);
    }

    [Fact]
    public async Task Test_connection_with_the_switch_on_accepts_a_trusted_certificate_silently()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(
            login: Login, certificate: app.Authority.Server);
        var id = await AddAsync(app.Host, "Private authority, switch on", "localhost", "starttls",
            smtp.Port, accept: true);

        var result = await ServerApi.TestConnectionAsync(app.Host, id);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.DoesNotContain(
            "acceptInvalidCertificate", result.GetProperty("message").GetString());
        Assert.DoesNotContain(app.Logs.Lines, line =>
            line.Contains("InvalidCertificateAccepted") && line.Contains(id.ToString()));
    }

    [Theory]
    [MemberData(nameof(OtherNames))]
    public async Task Test_connection_refuses_a_private_authority_certificate_for_another_name(
        string certificateName)
    {
        using var certificate = app.Authority.Issue(certificateName);
        await using var smtp = await FakeSmtpServer.StartAsync(
            login: Login, certificate: certificate, sslOnConnect: true);
        var id = await AddAsync(app.Host, $"Certificate for {certificateName}", "localhost", "ssl",
            smtp.Port);

        var result = await ServerApi.TestConnectionAsync(app.Host, id);

        Assert.False(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal("tls", result.GetProperty("failure").GetString());
        Assert.Contains("not issued for localhost", result.GetProperty("message").GetString());
        Assert.Empty(smtp.Seen.Senders);
    }

    [Fact]
    public async Task Test_connection_without_trusted_certificates_refuses_the_same_one_as_tls()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(
            login: Login, certificate: app.Authority.Server);
        await using var untrusting = await NightPosApp.StartAsync(builder =>
            builder.UseSetting("NightPos:Servers:TestTimeout", ServersApp.TestTimeout));
        var id = await AddAsync(untrusting.Host, "No private authority", "localhost", "starttls",
            smtp.Port);

        var result = await ServerApi.TestConnectionAsync(untrusting.Host, id);

        Assert.False(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal("tls", result.GetProperty("failure").GetString());
        Assert.Contains("not trusted", result.GetProperty("message").GetString());
        Assert.Contains("NightPos:Delivery:TrustedCertificates",
            result.GetProperty("message").GetString());
        Assert.Empty(smtp.Seen.Senders);
    }

    private static Task<Guid> AddAsync(
        IAlbaHost host,
        string name,
        string serverHost,
        string encryption,
        int port,
        bool accept = false) =>
        ServerApi.AddIdAsync(
            host, ServerApi.PeerServer(name, serverHost, port, encryption, accept));
}
