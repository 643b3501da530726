using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using NightPos.Dispatch.Contracts;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// SPEC R17: server certificates are validated. A certificate the system trusts passes; one
/// signed by an authority of <c>NightPos:Delivery:TrustedCertificates</c> passes when its chain
/// leads there and its name matches; everything else fails the connection as <c>tls</c>, unless
/// the server record accepts invalid certificates (ADR 0019). The connection test asks the same
/// check through <see cref="IServerCertificateTrust"/> (ADR 0019).
/// </summary>
public sealed partial class CertificateValidator(
    DeliverySettings settings,
    ILogger<CertificateValidator> logger) : IServerCertificateTrust
{
    /// <summary>The check for one connection to <paramref name="target"/>.</summary>
    public RemoteCertificateValidationCallback For(SmtpTarget target) =>
        !target.AcceptInvalidCertificate
            ? (_, certificate, chain, errors) => Trusts(certificate, chain, errors)
            : (_, certificate, chain, errors) =>
                Trusts(certificate, chain, errors)
                || AcceptInvalid(target, certificate, errors);

    public bool Trusts(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
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

    // ADR 0019: the administrator accepted this server's certificate as it is, so a broken
    // chain and a wrong name pass; a server that presents none still fails, and the session
    // stays encrypted. Every such connection is logged, so that the exception stays visible.
    private bool AcceptInvalid(
        SmtpTarget target,
        X509Certificate? certificate,
        SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        LogInvalidCertificateAccepted(target.Label, target.Host, target.Port, errors.ToString());
        return true;
    }

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning,
        Message = "Accepted the certificate of server {ServerId} at {Host}:{Port} although it "
            + "failed validation ({CertificateErrors}), as the server record allows")]
    private partial void LogInvalidCertificateAccepted(
        string serverId,
        string host,
        int port,
        string certificateErrors);
}
