namespace NightPos.Reliability.Tests;

/// <summary>
/// One malformed request of the corpus and the refusal it must get. <see cref="Route"/> and
/// <see cref="Body"/> may name the seeded records as <c>{domain}</c>, <c>{company}</c> and
/// <c>{server}</c>, and an id nothing has as <c>{unknown}</c>.
/// </summary>
public sealed record BadRequest(
    string Name,
    string Method,
    string Route,
    string? Body,
    int Status,
    string Word,
    string ContentType = "application/json")
{
    public override string ToString() => Name;
}
