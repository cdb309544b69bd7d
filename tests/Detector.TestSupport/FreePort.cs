using System.Net;
using System.Net.Sockets;

namespace Detector.TestSupport;

/// <summary>
/// A loopback TCP port free at the moment of asking (the OS picks it). Another process may still take
/// it before the caller binds, so servers started on it retry with a new port when the bind fails.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True once something accepts connections on the port.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
