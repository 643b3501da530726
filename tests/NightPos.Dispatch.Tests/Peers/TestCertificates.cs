using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NightPos.Dispatch.Tests.Peers;

/// <summary>
/// A private certificate authority made for the test run and a server certificate it signed
/// for 127.0.0.1 and localhost; <see cref="AuthorityPemPath"/> is what
/// <c>NightPos:Delivery:TrustedCertificates</c> names to trust it.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 authority, X509Certificate2 server, string path)
    {
        Authority = authority;
        Server = server;
        AuthorityPemPath = path;
    }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Server { get; }

    public string AuthorityPemPath { get; }

    public static TestCertificates Create(string serverName = "localhost")
    {
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest(
            "CN=NightPOS test authority", authorityKey, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(
            new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest(
            $"CN={serverName}", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(serverName);
        if (serverName == "localhost")
        {
            names.AddIpAddress(IPAddress.Loopback);
        }

        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(
            authority, now.AddDays(-1), now.AddDays(29), RandomNumberGenerator.GetBytes(12));
        var server = signed.CopyWithPrivateKey(serverKey);

        var path = Path.Combine(Path.GetTempPath(), $"nightpos-test-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, authority.ExportCertificatePem());

        // SslStream on Linux wants a key it can export; a PKCS#12 round trip gives it one.
        var usable = X509CertificateLoader.LoadPkcs12(server.Export(X509ContentType.Pkcs12), null);
        server.Dispose();
        return new TestCertificates(authority, usable, path);
    }

    public void Dispose()
    {
        File.Delete(AuthorityPemPath);
        Authority.Dispose();
        Server.Dispose();
    }
}
