using System.Collections.Concurrent;
using System.Threading.Channels;
using NightPos.Dispatch.Sending;

namespace NightPos.Dispatch.Tests.Sending;

/// <summary>
/// How send commands share intake transactions (ADR 0024), with a commit that records what it
/// was given and can be held open, so that what arrives meanwhile is known.
/// </summary>
public sealed class SharedCommitsTests
{
    // Longer than any commit here takes; an answer that never comes fails the test.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Items_submitted_while_a_commit_runs_share_the_next_one()
    {
        var log = new CommitLog();
        var commits = log.Start(batchSize: 64, committers: 1);

        var first = commits.SubmitAsync(0, Cancellation);
        await log.HeldAsync(1);
        var rest = Enumerable.Range(1, 5)
            .Select(i => commits.SubmitAsync(i, Cancellation))
            .ToList();
        await CommitLog.QueuedAsync(commits, 5);
        log.Release();

        Assert.Equal(0, await first);
        var answers = await Task.WhenAll(rest);
        Assert.Equal([1, 2, 3, 4, 5], answers);
        Assert.Equal([[0], [1, 2, 3, 4, 5]], log.Batches);
    }

    [Fact]
    public async Task A_commit_holds_no_more_than_the_batch_size()
    {
        var log = new CommitLog();
        var commits = log.Start(batchSize: 2, committers: 1);

        var first = commits.SubmitAsync(0, Cancellation);
        await log.HeldAsync(1);
        var rest = Enumerable.Range(1, 5)
            .Select(i => commits.SubmitAsync(i, Cancellation))
            .ToList();

        // The queue holds a batch per committer; the other submissions wait to enter it.
        await CommitLog.QueuedAsync(commits, 2);
        Assert.Equal(2, commits.Waiting);
        log.Release();
        await Task.WhenAll(rest.Append(first));

        Assert.Equal([[0], [1, 2], [3, 4], [5]], log.Batches);
    }

    [Fact]
    public async Task Commits_run_side_by_side_up_to_the_number_of_committers()
    {
        var log = new CommitLog();
        var commits = log.Start(batchSize: 1, committers: 2);

        var all = Enumerable.Range(0, 3).Select(i => commits.SubmitAsync(i, Cancellation)).ToList();
        await log.HeldAsync(2);
        await CommitLog.QueuedAsync(commits, 1);
        Assert.Equal(2, log.Open);
        log.Release();
        await Task.WhenAll(all);

        Assert.Equal(2, log.MostOpen);
        Assert.Equal([0, 1, 2], log.Batches.SelectMany(b => b).Order());
    }

    public static TheoryData<int[], int[]> Failures => new()
    {
        // One bad item among several: the others are answered, only the bad one fails.
        { [1, -2, 3], [-2] },
        // Every item bad: each fails on its own.
        { [-1, -2], [-1, -2] },
        // A bad item alone: one commit, no retry.
        { [-1], [-1] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_commit_of_several_is_made_again_one_item_at_a_time(
        int[] items,
        int[] failing)
    {
        var log = new CommitLog { FailOnNegative = true };
        var commits = log.Start(batchSize: 64, committers: 1);

        var blocker = commits.SubmitAsync(0, Cancellation);
        await log.HeldAsync(1);
        var submitted = items
            .Select(i => commits.SubmitAsync(i, Cancellation).WaitAsync(Patience, Cancellation))
            .ToList();
        await CommitLog.QueuedAsync(commits, items.Length);
        log.Release();
        await blocker;

        for (var i = 0; i < items.Length; i++)
        {
            if (failing.Contains(items[i]))
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => submitted[i]);
                Assert.Equal($"item {items[i]} refused", error.Message);
            }
            else
            {
                Assert.Equal(items[i], await submitted[i]);
            }
        }

        var retried = items.Length > 1;
        Assert.Equal(retried ? [items.Length] : [], log.FailedBatches);
        Assert.Equal(1 + (retried ? 1 + items.Length : 1), log.Batches.Count);
    }

    [Fact]
    public async Task Completing_answers_what_was_submitted_and_takes_nothing_more()
    {
        var log = new CommitLog();
        var commits = log.Start(batchSize: 64, committers: 1);

        var first = commits.SubmitAsync(0, Cancellation);
        await log.HeldAsync(1);
        var second = commits.SubmitAsync(1, Cancellation);
        await CommitLog.QueuedAsync(commits, 1);
        var completed = commits.CompleteAsync();
        Assert.False(completed.IsCompleted);
        log.Release();
        await completed;

        Assert.Equal((0, 1), (await first, await second));
        await Assert.ThrowsAsync<ChannelClosedException>(
            () => commits.SubmitAsync(2, Cancellation));
    }

    /// <summary>
    /// A commit that records each batch, holds the first one open until released, and refuses
    /// negative items when told to.
    /// </summary>
    private sealed class CommitLog
    {
        private readonly TaskCompletionSource _release =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        private readonly ConcurrentQueue<int[]> _batches = new();
        private readonly ConcurrentQueue<int> _failedBatches = new();
        private int _open;
        private int _mostOpen;

        public bool FailOnNegative { get; init; }

        public List<int[]> Batches => [.. _batches];

        public List<int> FailedBatches => [.. _failedBatches];

        public int Open => Volatile.Read(ref _open);

        public int MostOpen => Volatile.Read(ref _mostOpen);

        public SharedCommits<int, int> Start(int batchSize, int committers) => new(
            CommitAsync,
            (count, _) => _failedBatches.Enqueue(count),
            batchSize,
            committers);

        public void Release() => _release.TrySetResult();

        /// <summary>Waits until <paramref name="count"/> commits are held open.</summary>
        public Task HeldAsync(int count) => UntilAsync(() => Open >= count);

        /// <summary>Waits until <paramref name="count"/> submissions wait for a commit.</summary>
        public static Task QueuedAsync(SharedCommits<int, int> commits, int count) =>
            UntilAsync(() => commits.Waiting >= count);

        private async Task<int[]> CommitAsync(IReadOnlyList<int> items)
        {
            _batches.Enqueue([.. items]);
            var open = Interlocked.Increment(ref _open);
            InterlockedMax(ref _mostOpen, open);
            try
            {
                await _release.Task.WaitAsync(Patience, Cancellation);
                if (FailOnNegative && items.FirstOrDefault(i => i < 0) is var bad and < 0)
                {
                    throw new InvalidOperationException($"item {bad} refused");
                }

                return [.. items];
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var seen = Volatile.Read(ref target);
            while (value > seen)
            {
                var previous = Interlocked.CompareExchange(ref target, value, seen);
                if (previous == seen)
                {
                    return;
                }

                seen = previous;
            }
        }

        private static async Task UntilAsync(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "the commits never got there");
                await Task.Delay(5, Cancellation);
            }
        }
    }
}
