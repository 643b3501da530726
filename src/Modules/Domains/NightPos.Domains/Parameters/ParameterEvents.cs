namespace NightPos.Domains.Parameters;

// One stream per system parameter, its id derived from the key (see ParameterKey.StreamId), so
// that a key can only ever have one stream.

public sealed record ParameterSet(string Key, string Value) : IDomainsEvent;
