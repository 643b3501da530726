using NightPos.Kernel.Http;

namespace NightPos.Domains.Parameters;

/// <summary>
/// A parameter request's key and value, normalised; refused fields are in <see cref="Errors"/>.
/// </summary>
public sealed record ParameterInput(string? Key, string? Value, FieldErrors Errors);
