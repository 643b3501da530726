using System.Net;
using System.Net.Sockets;

namespace NightPos.Dispatch.Tests.Peers;

/// <summary>Free loopback ports for test servers, and the wait until one accepts connections.</summary>
internal static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits at most ten seconds, or while <paramref name="alive"/> holds.</summary>
    public static async Task WaitUntilListeningAsync(int port, Func<bool>? alive = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && (alive?.Invoke() ?? true))
            {
                await Task.Delay(20);
            }
        }
    }
}
