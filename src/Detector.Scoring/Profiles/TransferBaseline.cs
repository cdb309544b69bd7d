namespace Detector.Scoring.Profiles;

/// <summary>An agent's transfers: their usual size, how often and after how many sensitive reads they come, and its young destinations.</summary>
public sealed class TransferBaseline
{
    /// <summary>Sizes of all the agent's transfers, and of each of its usual transfer tools.</summary>
    public LogStats Bytes;

    public TransferSizes BytesByTool { get; private set; } = new();

    /// <summary>The sizes a transfer with <paramref name="tool"/> is judged by: the tool's own once trusted, else all the agent's transfers.</summary>
    public LogStats SizesFor(ulong tool, out bool byTool)
    {
        byTool = BytesByTool.TryGet(tool, out var own) && own.IsTrusted;
        return byTool ? own : Bytes;
    }

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
        BytesByTool.Write(w);
    }

    /// <param name="version">
    /// The profile's format: 3 was written before the reads before a transfer were counted, 4 before
    /// sizes were kept per tool; what they lack starts empty.
    /// </param>
    public static TransferBaseline Read(BinaryReader r, int version) => new()
    {
        Bytes = LogStats.Read(r),
        AfterSensitiveRead = NoveltyRate.Read(r),
        Young = YoungDestinations.Read(r),
        ReadsBeforeTransfer = version >= 4 ? LogStats.Read(r) : default,
        BytesByTool = version >= 5 ? TransferSizes.Read(r) : new(),
    };
}
