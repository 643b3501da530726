namespace NightPos.Dispatch.Contracts;

/// <summary>
/// What a message is for (SPEC R6): day-to-day mail follows the server cascade of R5, mass mail
/// goes through the dedicated mass-mailing server when one is set. JSON: <c>transactional</c>,
/// <c>mass</c>.
/// </summary>
public enum MailKind
{
    Transactional,
    Mass,
}
