using NightPos.Kernel.Mail;

namespace NightPos.Servers.ConnectionTests;

/// <summary>The sender a test connection tries in MAIL FROM, as SPEC R9 chooses it.</summary>
public static class TestSender
{
    /// <param name="filter">The server's FROM filter.</param>
    /// <param name="notificationAddresses">
    /// The notification address of every alias domain, in the order of their sequence.
    /// </param>
    /// <param name="databaseDomain">
    /// The database subdomain, for a filter that names no domain.
    /// </param>
    public static string Choose(
        FromFilter filter,
        IReadOnlyList<string> notificationAddresses,
        string databaseDomain)
    {
        // 1. The filter's first whole address: the one sender it certainly allows.
        if (filter.Addresses.FirstOrDefault() is { } address)
        {
            return address;
        }

        // 2. The notification address of a domain it allows (an empty filter allows all), as
        // most mail through the server will bear it.
        if (notificationAddresses.FirstOrDefault(filter.Allows) is { } notification)
        {
            return notification;
        }

        // 3. Else an address at its first domain.
        return $"noreply@{filter.Domains.FirstOrDefault() ?? databaseDomain}";
    }
}
