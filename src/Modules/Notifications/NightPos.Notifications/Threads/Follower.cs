using System.Text.Json.Serialization;

namespace NightPos.Notifications.Threads;

/// <summary>
/// A follower of a thread. <see cref="Email"/> is in comparable form (see
/// <c>NightPos.Kernel.Mail.EmailAddress.ToComparable</c>); <see cref="Subtypes"/> lower-case.
/// </summary>
public sealed record Follower(
    string Email,
    string Name,
    IReadOnlyList<string> Subtypes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    NotificationChannel? UserPreference)
{
    /// <summary>Users have a preference; contacts do not (SPEC "Terms").</summary>
    [JsonIgnore]
    public bool IsUser => UserPreference is not null;
}
