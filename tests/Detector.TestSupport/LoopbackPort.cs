using System.Net;
using System.Net.Sockets;

namespace Detector.TestSupport;

/// <summary>Free TCP ports on 127.0.0.1 for servers a test starts (the OS picks one, the listener is closed at once).</summary>
public static class LoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when nothing accepts connections on the port any more.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
