namespace NightPos.Kernel;

/// <summary>
/// The authorization policies every module's endpoints name. The host maps the three API keys of
/// <c>NightPos:Auth</c> to the roles below and each policy to the roles it admits.
/// </summary>
public static class Policies
{
    /// <summary>Change the configuration: administrators only.</summary>
    public const string Configure = "configure";

    /// <summary>Read the configuration and its history: administrators and auditors.</summary>
    public const string Audit = "audit";

    /// <summary>Send mail and post on threads: administrators and senders.</summary>
    public const string Send = "send";

    /// <summary>
    /// Read messages, threads and usage, and preview routing: every role, since none of it
    /// changes anything.
    /// </summary>
    public const string Read = "read";
}
