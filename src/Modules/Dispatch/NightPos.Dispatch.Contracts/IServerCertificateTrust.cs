using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NightPos.Dispatch.Contracts;

/// <summary>
/// Which SMTP server certificates delivery trusts (SPEC R17): those the system's authorities
/// vouch for, and those whose chain leads to an authority of
/// <c>NightPos:Delivery:TrustedCertificates</c> and whose name matches. Implemented by the
/// Dispatch module and injected in-process, because the question is asked inside a TLS
/// handshake, which waits for a synchronous answer (ADR 0019). The Servers module's connection
/// test asks it so that a test accepts exactly what delivery accepts. A server record's
/// <c>acceptInvalidCertificate</c> (ADR 0019) is the caller's to apply on top; this never
/// excuses a wrong name or a missing certificate.
/// </summary>
public interface IServerCertificateTrust
{
    /// <summary>
    /// Whether delivery would accept <paramref name="certificate"/>, given the chain and the
    /// errors the platform's validation found, as a
    /// <see cref="RemoteCertificateValidationCallback"/> receives them. Thread-safe; it reads
    /// no network and keeps nothing of the certificate.
    /// </summary>
    bool Trusts(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors);
}
