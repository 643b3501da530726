namespace NightPos.Domains.Parameters;

/// <summary>A system parameter as API.md answers it.</summary>
public sealed record ParameterResponse(string Key, string Value);
