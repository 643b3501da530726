using Marten;

namespace NightPos.Servers.Configuration;

/// <summary>
/// Replaces the revision marker whenever a session is about to commit a Servers configuration
/// event, whichever endpoint or handler appended it, so that no change can forget to. The new
/// revision is the id of the last such event, the same token a rebuild at a past instant answers.
/// </summary>
public sealed class ServersRevisionListener : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var last = session.PendingChanges.Streams()
            .SelectMany(stream => stream.Events)
            .LastOrDefault(e => ServersEventTypes.IsConfigurationChange(e.EventType));
        if (last is not null)
        {
            session.Store(new ServersRevision { Revision = last.Id });
        }

        return Task.CompletedTask;
    }
}
