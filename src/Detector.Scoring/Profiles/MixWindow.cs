namespace Detector.Scoring.Profiles;

/// <summary>
/// An agent's tool and action mix: the current window's counts (since its last test) beside the
/// long-run mix they are compared with. Tools are indexed by the agent's transition-model symbols, so
/// the arrays stay as small as the agent's habits. About 400 bytes, allocated on the agent's first event.
/// </summary>
public sealed class MixWindow
{
    /// <summary>Known action classes, read to privilege (unknown actions are not counted).</summary>
    public const int Actions = (int)Domain.Events.ToolAction.Privilege;

    public double[] ToolReference { get; } = new double[AgentProfile.SequenceAlphabet];

    public int[] ToolWindow { get; } = new int[AgentProfile.SequenceAlphabet];

    public int[] ActionWindow { get; } = new int[Actions];

    public int Events { get; set; }

    /// <summary>The window size at which the mix is next tested (doubling, so a sustained drift is tested a few times).</summary>
    public int NextTest { get; set; } = 40;

    /// <summary>Day (since the epoch) the window began: windows span at most a day of event time.</summary>
    public int Day { get; set; } = int.MinValue;

    public void Reset(int day)
    {
        Array.Clear(ToolWindow);
        Array.Clear(ActionWindow);
        Events = 0;
        NextTest = 40;
        Day = day;
    }

    public void Write(BinaryWriter w)
    {
        foreach (double d in ToolReference)
            w.Write(d);
        foreach (int n in ToolWindow)
            w.Write(n);
        foreach (int n in ActionWindow)
            w.Write(n);
        w.Write(Events);
        w.Write(NextTest);
        w.Write(Day);
    }

    public static MixWindow Read(BinaryReader r)
    {
        var m = new MixWindow();
        for (int i = 0; i < m.ToolReference.Length; i++)
            m.ToolReference[i] = r.ReadDouble();
        for (int i = 0; i < m.ToolWindow.Length; i++)
            m.ToolWindow[i] = r.ReadInt32();
        for (int i = 0; i < m.ActionWindow.Length; i++)
            m.ActionWindow[i] = r.ReadInt32();
        m.Events = r.ReadInt32();
        m.NextTest = r.ReadInt32();
        m.Day = r.ReadInt32();
        return m;
    }
}
