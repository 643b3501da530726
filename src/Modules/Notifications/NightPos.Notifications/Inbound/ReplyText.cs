using System.Text.RegularExpressions;

namespace NightPos.Notifications.Inbound;

/// <summary>
/// Reduces the text of an emailed reply to what its sender wrote this time, so that the thread
/// does not repeat its own history in every post (SPEC R14). Mail clients mark the quoted
/// history in a handful of ways; each is one rule below.
/// </summary>
public static partial class ReplyText
{
    public static string NewText(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var kept = new List<string>();

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];

            // Where the history starts, everything below it is history too.
            if (StartsAttribution(lines, i) || IsSeparator(line) || StartsHeaderBlock(lines, i))
            {
                break;
            }

            // "> " quoting (RFC 3676 4.5), nested or not, wherever it appears.
            if (line.TrimStart().StartsWith('>'))
            {
                continue;
            }

            kept.Add(line);
        }

        var reduced = string.Join("\n", kept).Trim();

        // A reply that is only history (a bare forward, an empty answer) keeps its whole text:
        // an empty post would tell its followers nothing.
        return reduced.Length > 0 ? reduced : text.ReplaceLineEndings("\n").Trim();
    }

    // "On Tue, 3 Dec 2024 at 10:00, Mary <mary@example.com> wrote:" and its translations. Mail
    // clients wrap a long attribution, so it may end on the next line or the one after.
    private static bool StartsAttribution(string[] lines, int index)
    {
        var line = lines[index].Trim();
        if (!AttributionStart().IsMatch(line))
        {
            return false;
        }

        var joined = line;
        for (var next = index; next < Math.Min(lines.Length, index + 3); next++)
        {
            if (next > index)
            {
                joined += " " + lines[next].Trim();
            }

            if (AttributionEnd().IsMatch(joined))
            {
                return true;
            }
        }

        return false;
    }

    // Outlook's "-----Original Message-----" (and translations), its web client's underscore
    // rule, and the forwarded-message markers.
    private static bool IsSeparator(string line) => Separator().IsMatch(line.Trim());

    // Outlook without a rule: a "From:" line followed shortly by "Sent:" or "Date:".
    private static bool StartsHeaderBlock(string[] lines, int index)
    {
        if (!HeaderFrom().IsMatch(lines[index].Trim()))
        {
            return false;
        }

        return lines.Skip(index + 1).Take(3).Any(l => HeaderDate().IsMatch(l.Trim()));
    }

    [GeneratedRegex(@"^(On|Le|Am|El|Op|Il|Em|W dniu)\s.+", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(
        @"(wrote|a écrit|schrieb|escribió|schreef|ha scritto|escreveu|napisał)\s*:?\s*$"
        + @"|^Am\s.+schrieb\s.+:\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex AttributionEnd();

    [GeneratedRegex(
        @"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original"
        + @"|Forwarded message|Message transféré)\s*-{2,}$|^_{20,}$|^Begin forwarded message:$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\*?(From|De|Von|Van)\s*:\*?\s.+", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|Gesendet|Envoyé|Enviado|Verzonden)\s*:\*?\s.+",
        RegexOptions.IgnoreCase)]
    private static partial Regex HeaderDate();
}
