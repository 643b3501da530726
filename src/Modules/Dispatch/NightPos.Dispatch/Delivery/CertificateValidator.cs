using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// SPEC R17: server certificates are validated. A certificate the system trusts passes; one
/// signed by an authority of <c>NightPos:Delivery:TrustedCertificates</c> passes when its chain
/// leads there and its name matches; everything else fails the connection as <c>tls</c>.
/// </summary>
public sealed class CertificateValidator(DeliverySettings settings)
{
    public bool Validate(
        object sender,
        X509Certificate? certificate,
        X509Chain? chain,
        SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A wrong name or a missing certificate is never excused by a private authority.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null
            || settings.TrustedAuthorities.Count == 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(settings.TrustedAuthorities);

        // Private authorities seldom publish revocation lists; the name and the chain still
        // have to be right.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }
}
