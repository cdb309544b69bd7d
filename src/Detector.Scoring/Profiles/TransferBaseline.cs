namespace Detector.Scoring.Profiles;

/// <summary>An agent's transfers: their usual size, how often and after how many sensitive reads they come, and its young destinations.</summary>
public sealed class TransferBaseline
{
    public LogStats Bytes;

    /// <summary>Share of the agent's transfers made after its session had read confidential or restricted data.</summary>
    public NoveltyRate AfterSensitiveRead;

    /// <summary>How many confidential or restricted reads the session had made when the agent transferred.</summary>
    public LogStats ReadsBeforeTransfer;

    public YoungDestinations Young { get; private set; } = new();

    public void Write(BinaryWriter w)
    {
        Bytes.Write(w);
        AfterSensitiveRead.Write(w);
        Young.Write(w);
        ReadsBeforeTransfer.Write(w);
    }

    /// <param name="withReadsBeforeTransfer">False for profiles of format 3, written before the count was kept: it starts empty.</param>
    public static TransferBaseline Read(BinaryReader r, bool withReadsBeforeTransfer) => new()
    {
        Bytes = LogStats.Read(r),
        AfterSensitiveRead = NoveltyRate.Read(r),
        Young = YoungDestinations.Read(r),
        ReadsBeforeTransfer = withReadsBeforeTransfer ? LogStats.Read(r) : default,
    };
}
