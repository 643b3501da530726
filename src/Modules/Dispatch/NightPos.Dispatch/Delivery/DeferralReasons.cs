namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Why delivery is put off for now (<see cref="Messages.MessageDeferred.Reason"/>).
/// </summary>
public static class DeferralReasons
{
    /// <summary>A 4xx reply (RFC 5321 4.2.1: transient negative completion).</summary>
    public const string TemporaryFailure = "temporary_failure";

    public const string HostNotFound = "host_not_found";

    public const string ConnectionRefused = "connection_refused";

    /// <summary>The connection dropped mid-conversation, for instance after DATA.</summary>
    public const string ConnectionLost = "connection_lost";

    public const string Timeout = "timeout";

    /// <summary>
    /// A 4xx reply to AUTH (e.g. 454): the server cannot check credentials right now.
    /// </summary>
    public const string Authentication = "authentication";

    /// <summary>SPEC R10: the default server's quota for the UTC day is used up.</summary>
    public const string DailyLimit = "daily_limit";
}
