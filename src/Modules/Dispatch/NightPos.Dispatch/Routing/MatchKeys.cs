using NightPos.Kernel.Mail;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// The two keys a sender address is looked up by in FROM filters (SPEC R5): the whole address
/// and its domain, both ASCII (domain in punycode). <see cref="Address"/> is null when the local
/// part is not ASCII, since no filter entry can hold such a local part; <see cref="Domain"/> is
/// null when the address has no host name (a domain literal, a single label).
/// </summary>
internal readonly record struct MatchKeys(string? Address, string? Domain)
{
    /// <summary>Keys of an address the product stored itself (validated, lower-case, ASCII).</summary>
    public static MatchKeys OfStored(string address) =>
        new(address, EmailAddress.DomainOf(address));
}
