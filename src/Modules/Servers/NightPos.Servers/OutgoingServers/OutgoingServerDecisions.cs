using NightPos.Servers.Secrets;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// The events a valid draft makes of a server's state: one per fact that changes, none when
/// nothing does. Pure; the credentials were stored or destroyed by the caller beforehand.
/// </summary>
public static class OutgoingServerDecisions
{
    public static OutgoingServerAdded Add(
        Guid id,
        ServerDraft draft,
        SecretReference? secret,
        long creationOrder) =>
        new(
            id,
            draft.Name,
            draft.Host,
            draft.Port,
            draft.Encryption,
            draft.Authentication,
            draft.Username,
            draft.Filter.ToString(),
            draft.Priority,
            draft.Active,
            secret,
            creationOrder,
            draft.AcceptInvalidCertificate);

    public static IReadOnlyList<object> Change(
        OutgoingServer current,
        ServerDraft draft,
        SecretReference? newSecret)
    {
        var id = current.Id;
        var events = new List<object>();
        if (draft.Name != current.Name)
        {
            events.Add(new ServerRenamed(id, draft.Name));
        }

        if (draft.Host != current.Host
            || draft.Port != current.Port
            || draft.Encryption != current.Encryption
            || draft.Authentication != current.Authentication
            || draft.Username != current.Username)
        {
            events.Add(new ServerConnectionChanged(
                id,
                draft.Host,
                draft.Port,
                draft.Encryption,
                draft.Authentication,
                draft.Username));
        }

        if (draft.AcceptInvalidCertificate != current.AcceptInvalidCertificate)
        {
            events.Add(new ServerCertificateCheckChanged(id, draft.AcceptInvalidCertificate));
        }

        if (draft.Credentials.Replacement is not null
            || (draft.Credentials.Removes && current.Secret is not null))
        {
            events.Add(new ServerCredentialsRotated(id, newSecret));
        }

        var filter = draft.Filter.ToString();
        if (filter != current.FromFilter)
        {
            events.Add(new ServerFromFilterChanged(id, filter));
        }

        if (draft.Priority != current.Priority)
        {
            events.Add(new ServerPrioritized(id, draft.Priority));
        }

        if (draft.Active != current.Active)
        {
            events.Add(draft.Active ? new ServerReactivated(id) : new ServerArchived(id));
        }

        return events;
    }

    /// <summary>The state after the events of <see cref="Change"/>, for the answer.</summary>
    public static OutgoingServer Fold(OutgoingServer state, IEnumerable<object> events) =>
        events.Aggregate(state, (server, e) => e switch
        {
            ServerRenamed x => server.Apply(x),
            ServerConnectionChanged x => server.Apply(x),
            ServerCertificateCheckChanged x => server.Apply(x),
            ServerCredentialsRotated x => server.Apply(x),
            ServerFromFilterChanged x => server.Apply(x),
            ServerPrioritized x => server.Apply(x),
            ServerArchived x => server.Apply(x),
            ServerReactivated x => server.Apply(x),
            _ => server,
        });
}
