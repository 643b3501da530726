using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NightPos.Testing;

/// <summary>
/// A private certificate authority made for the test run and a server certificate it signed
/// (for 127.0.0.1 and localhost unless told another name); <see cref="AuthorityPemPath"/> is what
/// <c>NightPos:Delivery:TrustedCertificates</c> names to trust it.
/// </summary>
public sealed class TestAuthority : IDisposable
{
    private TestAuthority(X509Certificate2 authority, string path, string serverName)
    {
        Authority = authority;
        AuthorityPemPath = path;
        Server = Issue(serverName);
    }

    public X509Certificate2 Authority { get; }

    /// <summary>The certificate <see cref="Create"/> issued.</summary>
    public X509Certificate2 Server { get; }

    public string AuthorityPemPath { get; }

    public static TestAuthority Create(string serverName = "localhost")
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

        var path = Path.Combine(Path.GetTempPath(), $"nightpos-test-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, authority.ExportCertificatePem());

        return new TestAuthority(authority, path, serverName);
    }

    /// <summary>
    /// Another server certificate from the same authority, for <paramref name="serverName"/>
    /// (and 127.0.0.1 when that is localhost); the caller disposes it.
    /// </summary>
    public X509Certificate2 Issue(string serverName)
    {
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
        var now = DateTimeOffset.UtcNow;
        using var signed = serverRequest.Create(
            Authority, now.AddDays(-1), now.AddDays(29), RandomNumberGenerator.GetBytes(12));
        using var server = signed.CopyWithPrivateKey(serverKey);

        // SslStream on Linux wants a key it can export; a PKCS#12 round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(server.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        File.Delete(AuthorityPemPath);
        Authority.Dispose();
        Server.Dispose();
    }
}
