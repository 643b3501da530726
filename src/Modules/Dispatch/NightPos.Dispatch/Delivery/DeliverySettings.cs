using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// <see cref="MailDeliveryOptions"/> read once into the values delivery works with; the options are
/// validated at start-up (<see cref="MailDeliveryOptionsValidator"/>), so parsing cannot fail here.
/// </summary>
public sealed class DeliverySettings
{
    public DeliverySettings(IOptions<MailDeliveryOptions> options)
    {
        var value = options.Value;
        RetryDelays = Durations.TryParseList(value.RetryDelays) ?? [TimeSpan.FromMinutes(30)];
        MaxLifetime = Parse(value.MaxLifetime);
        CommandTimeout = Parse(value.CommandTimeout);
        IdleConnectionTimeout = Parse(value.IdleConnectionTimeout);
        MaxSubjectLength = value.MaxSubjectLength;
        MaxBodyBytes = value.MaxBodyBytes;
        MaxRecipients = value.MaxRecipients;
        ConnectionsPerServer = value.ConnectionsPerServer;
        TrustedAuthorities = LoadAuthorities(value.TrustedCertificates);
    }

    public IReadOnlyList<TimeSpan> RetryDelays { get; }

    public TimeSpan MaxLifetime { get; }

    public TimeSpan CommandTimeout { get; }

    public TimeSpan IdleConnectionTimeout { get; }

    public int MaxSubjectLength { get; }

    public int MaxBodyBytes { get; }

    public int MaxRecipients { get; }

    public int ConnectionsPerServer { get; }

    public X509Certificate2Collection TrustedAuthorities { get; }

    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> + 1; the last delay repeats.
    /// </summary>
    public TimeSpan RetryDelayAfter(int attempt) =>
        RetryDelays[Math.Clamp(attempt - 1, 0, RetryDelays.Count - 1)];

    private static TimeSpan Parse(string text) =>
        Durations.TryParse(text, out var duration) ? duration : TimeSpan.Zero;

    private static X509Certificate2Collection LoadAuthorities(string? path)
    {
        var authorities = new X509Certificate2Collection();
        if (path is { Length: > 0 })
        {
            authorities.ImportFromPemFile(path);
        }

        return authorities;
    }
}
