namespace Detector.Scoring.Profiles;

/// <summary>An agent's transfers: their usual size, how often they follow a sensitive read, and its young destinations.</summary>
public sealed class TransferBaseline
{
    public LogStats Bytes;

    /// <summary>Share of the agent's transfers made after its session had read confidential or restricted data.</summary>
    public NoveltyRate AfterSensitiveRead;

    public YoungDestinations Young { get; private set; } = new();

    public void Write(BinaryWriter w)
    {
        Bytes.Write(w);
        AfterSensitiveRead.Write(w);
        Young.Write(w);
    }

    public static TransferBaseline Read(BinaryReader r) => new()
    {
        Bytes = LogStats.Read(r),
        AfterSensitiveRead = NoveltyRate.Read(r),
        Young = YoungDestinations.Read(r),
    };
}
