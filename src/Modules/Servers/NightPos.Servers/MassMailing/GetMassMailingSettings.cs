using Marten;
using Microsoft.AspNetCore.Authorization;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Servers.MassMailing;

/// <summary>Reads the mass-mailing settings (SPEC R6): which server carries mass mail, if any.
/// </summary>
public static class GetMassMailingSettingsEndpoint
{
    [WolverineGet("/api/settings/mass-mailing")]
    [Authorize(Policy = Policies.Audit)]
    public static async Task<MassMailingView> Get(
        IQuerySession session,
        CancellationToken cancellation)
    {
        var settings = await session.LoadAsync<MassMailingSettings>(
            MassMailingSettings.StreamId, cancellation);
        return new MassMailingView(settings?.DedicatedServerId);
    }
}
