namespace NightPos.Domains.Contracts;

/// <summary>
/// Published by Dispatch with the address of an accepted message's header From, in the
/// message's own transaction, when the process has not yet seen that address published under
/// the alias domains as they now stand (ADR 0020): not with every message. The same address
/// may still arrive again (another process, a restart, a change of alias domains), so
/// receivers must be idempotent. The Domains module keeps, per alias domain, every local part
/// mail went out from, so that administrators can whitelist them on an external server (SPEC
/// R15). Receivers may ignore an address whose domain is none of the installation's alias
/// domains.
/// </summary>
public sealed record SenderAddressUsed(string Address);
