using System.Collections.Concurrent;
using Marten;
using NightPos.Notifications.Threads;

namespace NightPos.Notifications.FanOut;

/// <summary>
/// The followers of the largest threads, kept between posts: a thread of ten thousand
/// followers is a megabyte to read on every post, yet changes only when someone follows or
/// leaves. An entry serves only the version of the followers it was read at, which the post
/// reads under the thread's lock, so a change made by any process is never missed (ADR 0013).
/// </summary>
public sealed class FollowersCache
{
    /// <summary>Smaller threads are read each time: cheap, and not worth the memory.</summary>
    public const int MinimumFollowers = 500;

    private const int Capacity = 32;

    private readonly ConcurrentDictionary<Guid, ThreadFollowers> _entries = new();

    /// <summary>A thread's followers as of <see cref="MessageThread.FollowersVersion"/>.</summary>
    public async Task<ThreadFollowers> GetAsync(
        IQuerySession session,
        MessageThread thread,
        CancellationToken cancellation)
    {
        if (_entries.TryGetValue(thread.Id, out var cached)
            && cached.Version == thread.FollowersVersion)
        {
            return cached;
        }

        var followers = await session.LoadAsync<ThreadFollowers>(thread.Id, cancellation)
            ?? new ThreadFollowers { Id = thread.Id };
        if (followers.All.Count >= MinimumFollowers && followers.Version == thread.FollowersVersion)
        {
            if (_entries.Count >= Capacity && !_entries.ContainsKey(thread.Id))
            {
                _entries.TryRemove(_entries.Keys.First(), out _);
            }

            _entries[thread.Id] = followers;
        }

        return followers;
    }
}
