using Marten;
using Marten.Services;

namespace NightPos.Dispatch.Sending;

/// <summary>
/// Enters a message's header From in the <see cref="SenderAddressLedger"/> once the message and
/// its <c>SenderAddressUsed</c> committed: a rolled-back intake leaves the address to be
/// published again by the next message from it (ADR 0020, SPEC R15).
/// </summary>
internal sealed class SenderAddressCommitListener(
    SenderAddressLedger ledger,
    SenderAddressLedger.Claim claim) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(
        IDocumentSession session,
        IChangeSet commit,
        CancellationToken token)
    {
        ledger.Recorded(claim);
        return Task.CompletedTask;
    }
}
