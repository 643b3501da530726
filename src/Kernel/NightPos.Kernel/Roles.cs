namespace NightPos.Kernel;

/// <summary>
/// The roles a bearer key grants. The role's name is also the actor recorded on every event the
/// request appends, so that auditors see who changed what (SPEC R16).
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Auditor = "auditor";
    public const string Sender = "sender";
}
