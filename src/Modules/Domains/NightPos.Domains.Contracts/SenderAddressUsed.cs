namespace NightPos.Domains.Contracts;

/// <summary>
/// Published by Dispatch each time a message is routed, with the address of its header From.
/// The Domains module keeps, per alias domain, every local part mail went out from, so that
/// administrators can whitelist them on an external server (SPEC R15). Receivers may ignore an
/// address whose domain is none of the installation's alias domains.
/// </summary>
public sealed record SenderAddressUsed(string Address);
