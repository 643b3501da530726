using System.Collections.Concurrent;
using NightPos.Dispatch.Routing;
using NightPos.Kernel.Mail;

namespace NightPos.Dispatch.Sending;

/// <summary>
/// The header From addresses whose <c>SenderAddressUsed</c> (SPEC R15) this process has seen
/// committed, so that each is published once rather than with every message (ADR 0020). An
/// address counts only from the commit of its message on, and only for the alias domains of
/// the routing table's domains revision then: the Domains module ignores addresses of domains
/// that are not alias domains, so when alias domains may have changed the ledger starts over.
/// </summary>
public sealed class SenderAddressLedger(RoutingTableCache routing)
{
    /// <summary>
    /// Distinct addresses kept per revision; the ledger starts over when it is full, which
    /// costs one more publication per address and keeps the memory bounded.
    /// </summary>
    public const int Capacity = 10_000;

    private volatile Entries _entries = new(Guid.Empty);

    /// <summary>
    /// True when a message from <paramref name="address"/> must publish
    /// <c>SenderAddressUsed</c>; then <paramref name="claim"/> is what
    /// <see cref="Recorded"/> takes once that message committed.
    /// </summary>
    internal bool MustPublish(string address, out Claim claim)
    {
        var revision = routing.DomainsRevision ?? Guid.Empty;
        claim = new Claim(EmailAddress.ToComparable(address) ?? address, revision);
        var entries = _entries;
        return entries.Revision != revision || !entries.Addresses.ContainsKey(claim.Address);
    }

    internal void Recorded(Claim claim)
    {
        var entries = _entries;
        if (entries.Revision != claim.DomainsRevision)
        {
            var fresh = new Entries(claim.DomainsRevision);
            var replaced = Interlocked.CompareExchange(ref _entries, fresh, entries);
            entries = ReferenceEquals(replaced, entries) ? fresh : replaced;
            if (entries.Revision != claim.DomainsRevision)
            {
                return;
            }
        }

        if (entries.Addresses.Count >= Capacity)
        {
            entries.Addresses.Clear();
        }

        entries.Addresses.TryAdd(claim.Address, 0);
    }

    /// <summary>
    /// An address in the form the Domains module compares, at one domains revision.
    /// </summary>
    internal readonly record struct Claim(string Address, Guid DomainsRevision);

    private sealed class Entries(Guid revision)
    {
        public Guid Revision { get; } = revision;

        public ConcurrentDictionary<string, byte> Addresses { get; } =
            new(StringComparer.Ordinal);
    }
}
