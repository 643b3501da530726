using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NightPos.Kernel.Mail;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// Host names of SMTP servers: an IP literal, a single label such as <c>localhost</c>, or a
/// domain, stored lower-case in ASCII (punycode). Unlike a mail domain, one label is enough.
/// </summary>
public static class ServerHost
{
    private const int MaxLabelLength = 63;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    public static string? Normalize(string? input, out string? error)
    {
        var text = input?.Trim(' ') ?? "";
        error = null;
        if (text.Length == 0)
        {
            error = "is empty";
            return null;
        }

        var literal = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        if (IPAddress.TryParse(literal, out var address)
            && (address.AddressFamily == AddressFamily.InterNetworkV6
                || literal.Count(c => c == '.') == 3))
        {
            return address.ToString();
        }

        if (text.Contains('.'))
        {
            var domain = DomainName.Normalize(text, out var reason);
            error = domain is null ? reason : null;
            return domain;
        }

        return NormalizeSingleLabel(text, out error);
    }

    private static string? NormalizeSingleLabel(string text, out string? error)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(text).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            error = "is not a valid host name (letters, digits and hyphens)";
            return null;
        }

        var valid = ascii.Length is > 0 and <= MaxLabelLength
            && ascii[0] != '-'
            && ascii[^1] != '-'
            && ascii.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
        error = valid ? null : "is not a valid host name (letters, digits and hyphens)";
        return valid ? ascii : null;
    }
}
