using System.Threading.Channels;

namespace NightPos.Dispatch.Sending;

/// <summary>
/// Hands the items submitted while a commit runs to the next commit, up to a batch size, with a
/// fixed number of commits running at once (ADR 0024). An item is answered by the commit that
/// held it. A commit of several items that fails is made again one item at a time, so that each
/// item gets its own answer or its own error.
/// </summary>
internal sealed class SharedCommits<TItem, TAnswer>
{
    private readonly Func<IReadOnlyList<TItem>, Task<TAnswer[]>> _commit;
    private readonly Action<int, Exception> _onBatchFailed;
    private readonly int _batchSize;
    private readonly Channel<Pending> _pending;
    private readonly Task[] _committers;

    /// <param name="commit">
    /// Records the items in one transaction and answers each, in their order.
    /// </param>
    /// <param name="onBatchFailed">
    /// Told of a failed commit of several items, before they are committed one at a time.
    /// </param>
    public SharedCommits(
        Func<IReadOnlyList<TItem>, Task<TAnswer[]>> commit,
        Action<int, Exception> onBatchFailed,
        int batchSize,
        int committers)
    {
        _commit = commit;
        _onBatchFailed = onBatchFailed;
        _batchSize = batchSize;
        _pending = Channel.CreateBounded<Pending>(new BoundedChannelOptions(batchSize * committers)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        _committers = Enumerable.Range(0, committers)
            .Select(_ => Task.Run(CommitPendingAsync, CancellationToken.None))
            .ToArray();
    }

    /// <summary>Items submitted and not yet taken by a commit.</summary>
    public int Waiting => _pending.Reader.Count;

    /// <summary>Waits until a commit holding <paramref name="item"/> answered it.</summary>
    public async Task<TAnswer> SubmitAsync(TItem item, CancellationToken cancellation)
    {
        var pending = new Pending(item);
        await _pending.Writer.WriteAsync(pending, cancellation);
        return await pending.Answer.Task;
    }

    /// <summary>Takes no more items; completes once the submitted ones are answered.</summary>
    public Task CompleteAsync()
    {
        _pending.Writer.TryComplete();
        return Task.WhenAll(_committers);
    }

    private async Task CommitPendingAsync()
    {
        var batch = new List<Pending>(_batchSize);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < _batchSize && _pending.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            if (!await TryCommitAsync(batch) && batch.Count > 1)
            {
                foreach (var alone in batch)
                {
                    await TryCommitAsync([alone]);
                }
            }

            batch.Clear();
        }
    }

    private async Task<bool> TryCommitAsync(List<Pending> batch)
    {
        try
        {
            var answers = await _commit(batch.ConvertAll(p => p.Item));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(answers[i]);
            }

            return true;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            _onBatchFailed(batch.Count, e);
            return false;
        }
        catch (Exception e)
        {
            batch[0].Answer.TrySetException(e);
            return false;
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TAnswer> Answer { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
