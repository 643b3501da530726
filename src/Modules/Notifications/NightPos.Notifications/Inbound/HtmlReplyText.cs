using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Text;

namespace NightPos.Notifications.Inbound;

/// <summary>
/// The text of an HTML-only reply without its quoted history: HTML mail clients put the
/// history in a <c>blockquote</c> or a marked container rather than behind "&gt;".
/// </summary>
public static partial class HtmlReplyText
{
    // Containers that hold the quoted history: Gmail, Yahoo, Thunderbird's citation prefix.
    private static readonly string[] QuoteClasses =
        ["gmail_quote", "yahoo_quoted", "moz-cite-prefix", "protonmail_quote"];

    // Outlook starts the history with one of these and never closes it before the end.
    private static readonly string[] HistoryIds = ["divRplyFwdMsg", "appendonsend"];

    public static string ToText(string html)
    {
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        HtmlTagId? skipping = null;
        var depth = 0;

        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlTagToken tag)
            {
                if (skipping is { } skipped)
                {
                    depth += tag.Id != skipped || tag.IsEmptyElement ? 0 : tag.IsEndTag ? -1 : 1;
                    skipping = depth == 0 ? null : skipping;
                    continue;
                }

                if (!tag.IsEndTag && HistoryIds.Contains(Attribute(tag, "id")))
                {
                    break;
                }

                if (!tag.IsEndTag && !tag.IsEmptyElement && StartsQuote(tag))
                {
                    (skipping, depth) = (tag.Id, 1);
                    continue;
                }

                if (BreaksLine(tag))
                {
                    text.Append('\n');
                }
            }
            else if (token is HtmlDataToken data && skipping is null)
            {
                // Line breaks in HTML source are spaces; only the tags above break lines.
                text.Append(Whitespace().Replace(data.Data, " "));
            }
        }

        return ReplyText.NewText(text.ToString());
    }

    private static bool StartsQuote(HtmlTagToken tag) =>
        tag.Id is HtmlTagId.BlockQuote or HtmlTagId.Style or HtmlTagId.Script or HtmlTagId.Head
        || (Attribute(tag, "class")?.Split(' ').Any(QuoteClasses.Contains) ?? false);

    private static bool BreaksLine(HtmlTagToken tag) => tag.Id switch
    {
        HtmlTagId.Br or HtmlTagId.TR or HtmlTagId.HR => !tag.IsEndTag || tag.Id == HtmlTagId.Br,
        HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.H1 or HtmlTagId.H2
            or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6 => tag.IsEndTag,
        _ => false,
    };

    private static string? Attribute(HtmlTagToken tag, string name) =>
        tag.Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?.Value;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
