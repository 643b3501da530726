namespace NightPos.Routing.Tests.Cases;

/// <summary>
/// One database per distinct setup, created when its first case runs and dropped after its
/// last, so that cases with identical setups share one and few hosts are alive at once.
/// </summary>
public sealed class CaseDatabases : IAsyncDisposable
{
    private readonly Dictionary<string, Task<CaseDatabase>> _open = [];
    private readonly Dictionary<string, int> _remaining = RoutingCases.All
        .GroupBy(c => c.Setup.Key)
        .ToDictionary(g => g.Key, g => g.Count());

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<CaseDatabase> OpenAsync(CaseSetup setup)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_open.TryGetValue(setup.Key, out var database))
            {
                database = CaseDatabase.CreateAsync(setup);
                _open[setup.Key] = database;
            }

            return await database;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ReleaseAsync(CaseSetup setup)
    {
        await _gate.WaitAsync();
        try
        {
            _remaining[setup.Key]--;
            if (_remaining[setup.Key] == 0 && _open.Remove(setup.Key, out var database))
            {
                await (await database).DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _open.Values)
        {
            if (database.IsCompletedSuccessfully)
            {
                await database.Result.DisposeAsync();
            }
        }

        _open.Clear();
    }
}
