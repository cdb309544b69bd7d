namespace Detector.Hosting.Worker;

/// <summary>A folder for what the demo keeps only while it runs (its feedback database); removed on disposal.</summary>
internal sealed class DemoDirectory : IDisposable
{
    private readonly string _path = Directory.CreateTempSubdirectory("agentdrift-demo-").FullName;

    public string File(string name) => Path.Combine(_path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
            // Still open elsewhere: the system's temp cleaner takes it later.
        }
    }
}
