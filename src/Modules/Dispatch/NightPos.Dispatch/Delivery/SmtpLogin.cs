namespace NightPos.Dispatch.Delivery;

/// <summary>How a connection authenticates once it is open.</summary>
public enum SmtpLogin
{
    /// <summary>No AUTH: the default server without a configured user.</summary>
    None,

    /// <summary>
    /// AUTH with the user and password of <c>NightPos:DefaultServer</c> (SPEC R7).
    /// </summary>
    DefaultServerPassword,

    /// <summary>AUTH with the server record's user and its stored password.</summary>
    ServerPassword,

    /// <summary>A TLS client certificate with its stored private key.</summary>
    ServerCertificate,
}
