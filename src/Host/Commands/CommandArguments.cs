using System.Globalization;
using System.Text.Json;
using NightPos.Dispatch.Contracts;

namespace NightPos.Host.Commands;

/// <summary>
/// Reads the flags the commands share, each refusal a sentence naming the flag and an example.
/// </summary>
public static class CommandArguments
{
    public static bool TryId(string? text, string flag, out Guid? id, out string? problem)
    {
        id = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Guid.TryParse(text.Trim(), out var parsed))
        {
            id = parsed;
            return true;
        }

        problem = $"--{flag} '{text}' is not an id: give the id the API answered, e.g. "
            + "--" + flag + " 0b7e6d2c-5d8f-4a8e-9a61-3f1c2d4e5f60.";
        return false;
    }

    public static bool TryKind(string? text, out MailKind kind, out string? problem)
    {
        problem = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "transactional":
                kind = MailKind.Transactional;
                return true;
            case "mass":
                kind = MailKind.Mass;
                return true;
            default:
                kind = MailKind.Transactional;
                problem = $"--kind '{text}' is neither transactional nor mass.";
                return false;
        }
    }

    /// <summary>An ISO 8601 instant; one written without an offset is taken as UTC.</summary>
    public static bool TryInstant(string? text, out DateTimeOffset? at, out string? problem)
    {
        at = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var parsed))
        {
            at = parsed;
            return true;
        }

        problem = $"--at '{text}' is not an instant: write it in ISO 8601, e.g. "
            + "--at 2026-03-01T12:00:00Z.";
        return false;
    }

    /// <summary>The flag that carries a field of the API's request bodies.</summary>
    public static string FlagFor(string field) => field switch
    {
        "companyId" => "company",
        "serverId" => "server",
        _ => JsonNamingPolicy.KebabCaseLower.ConvertName(field.Split('[')[0]),
    };

    /// <summary>An enum value as the API writes it (<c>notification-address</c>).</summary>
    public static string Kebab<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The first problem of several checks, or null when all passed.</summary>
    public static string? First(params string?[] problems) =>
        problems.FirstOrDefault(p => p is not null);
}
