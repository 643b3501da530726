using System.Text;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// SPEC R17 and RFC 5322 2.3: CR and LF appear in a body only together, as CRLF. MimeKit turns
/// a bare LF into CRLF but lets a bare CR through, so every line end is rewritten here.
/// </summary>
public static class LineEnds
{
    public static string ToCrLf(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                result.Append("\r\n");
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\n')
            {
                result.Append("\r\n");
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
