namespace NightPos.Dispatch.Contracts;

/// <summary>
/// Thrown by the in-process <see cref="SendMessage"/> when the command cannot be accepted as
/// written; nothing was recorded. <see cref="Field"/> names the command member to fix (with an
/// index for lists, e.g. <c>to[1]</c>); <see cref="Status"/> is the HTTP status the same refusal
/// gets over HTTP (400 for a malformed value, 404 for a company or server that does not exist).
/// </summary>
public sealed class MessageRefusedException(string field, int status, string detail)
    : Exception(detail)
{
    public string Field { get; } = field;

    public int Status { get; } = status;
}
