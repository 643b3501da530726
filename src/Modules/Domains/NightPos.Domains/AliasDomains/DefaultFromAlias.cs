using NightPos.Kernel.Mail;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// The default-from alias is a local part or a whole address (SPEC R3): an '@' decides which
/// rule applies, so that "info@" is refused as an address rather than as a local part.
/// </summary>
internal static class DefaultFromAlias
{
    public static string? Normalize(string? input, out string? error) =>
        input?.Contains('@') == true
            ? EmailAddress.Normalize(input, out error)
            : LocalPart.Normalize(input, out error);
}
