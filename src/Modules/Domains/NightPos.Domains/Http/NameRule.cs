namespace NightPos.Domains.Http;

/// <summary>
/// The shape of the Kernel's normalisers: the normalised value, or null and why not.
/// </summary>
public delegate string? NameRule(string? input, out string? error);
