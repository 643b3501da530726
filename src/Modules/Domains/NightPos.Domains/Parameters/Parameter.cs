namespace NightPos.Domains.Parameters;

/// <summary>
/// The current value of one system parameter, kept by <see cref="ParameterProjection"/>.
/// </summary>
public sealed record Parameter(Guid Id, string Key, string Value, DateTimeOffset UpdatedAt);
