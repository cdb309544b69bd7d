using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Scoring.Evidence;
using Detector.Scoring.Rules;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Profiles;

/// <summary>
/// One session of one agent: its step count, timing, the credentials and intent it carried, the
/// escalation state the chain detectors keep, and the evidence gathered so far.
/// </summary>
public sealed class SessionState(SessionKey key, EventTime start)
{
    private const int MaxCredentials = 8;

    /// <summary>Version of the serialised session (5: the chain keeps the last failed call, to tell retries apart; 4 still reads).</summary>
    private const byte FormatVersion = 5;
    private readonly List<string> _credentials = new(1);

    public SessionKey Key { get; } = key;

    /// <summary>The session id's stable hash, as credential bindings record their owner.</summary>
    public ulong IdHash { get; } = Bindings.CredentialBinding.SessionHash(key.Session);

    public EventTime Start { get; } = start;

    public EventTime LastSeen { get; set; } = start;

    /// <summary>Events applied so far; the step number of the current event once scored.</summary>
    public int Steps { get; set; }

    public string? Intent { get; set; }

    public AgentId ParentAgent { get; set; }

    public SessionId ParentSession { get; set; }

    public SessionEvidence Evidence { get; } = new();

    /// <summary>Per-session state of the chain detectors, created by the one that needs it.</summary>
    public ChainState Chain { get; } = new();

    /// <summary>Position in the agent's transition model, and in the peer group's.</summary>
    public NGramSession AgentSequence;

    public NGramSession GroupSequence;

    /// <summary>Total surprise (bits) of the session's scored steps and how many there were.</summary>
    public double Surprise { get; set; }

    public int ScoredSteps { get; set; }

    /// <summary>Whether the previous step's tool was unknown to the sequence model.</summary>
    public bool PreviousStepUnseen { get; set; }

    /// <summary>The fused evidence statistic, -log10 of the combined p-value.</summary>
    public double Statistic { get; set; }

    /// <summary>
    /// The strongest raw statistic each detector family has reached in the session: a running envelope,
    /// so evidence never fades within a session and training calibrates what scoring measures. (The
    /// fused risk can still dip when a new weak family joins Fisher's combination; session scores are
    /// each session's maximum.)
    /// </summary>
    public double[] FamilyPeaks { get; } = new double[EvidenceKinds.FamilyCount];

    public double Risk { get; set; }

    public double MaxRisk { get; set; }

    public Severity AlertedSeverity { get; set; }

    public int Alerts { get; set; }

    /// <summary>Where the session stands in each policy rule's pattern.</summary>
    public RuleSessionState Rules { get; private set; } = new();

    /// <summary>The highest severity a completed policy rule set for the session: a floor under the calibrated one.</summary>
    public Severity RuleSeverity { get; set; }

    /// <summary>Ids of the policy rules the session completed (training counts how often benign sessions do).</summary>
    public List<string> CompletedRules { get; } = [];

    /// <summary>Whether the session has been folded into its agent's session shape.</summary>
    public bool ShapeFolded { get; set; }

    public IReadOnlyList<string> Credentials => _credentials;

    public void Write(BinaryWriter w)
    {
        w.Write(FormatVersion);
        w.Write(Key.Agent.Value);
        w.Write(Key.Session.Value);
        w.Write(Start.UtcTicks);
        w.Write(LastSeen.UtcTicks);
        w.Write(Steps);
        w.Write(Intent ?? "");
        w.Write(ParentAgent.Value ?? "");
        w.Write(ParentSession.Value ?? "");
        Evidence.Write(w);
        Chain.Write(w);
        AgentSequence.Write(w);
        GroupSequence.Write(w);
        w.Write(Surprise);
        w.Write(ScoredSteps);
        w.Write(PreviousStepUnseen);
        w.Write(Statistic);
        foreach (double peak in FamilyPeaks)
            w.Write(peak);
        w.Write(Risk);
        w.Write(MaxRisk);
        w.Write((byte)AlertedSeverity);
        w.Write(Alerts);
        w.Write(ShapeFolded);
        Rules.Write(w);
        w.Write((byte)RuleSeverity);
        w.Write((byte)CompletedRules.Count);
        foreach (string rule in CompletedRules)
            w.Write(rule);
        w.Write((byte)_credentials.Count);
        foreach (string c in _credentials)
            w.Write(c);
    }

    public static SessionState Read(BinaryReader r)
    {
        byte version = r.ReadByte();
        if (version is not (FormatVersion or 4))
            throw new InvalidDataException($"session state format {version} is not supported");
        var key = new SessionKey(new AgentId(r.ReadString()), new SessionId(r.ReadString()));
        var s = new SessionState(key, new EventTime(r.ReadInt64()))
        {
            LastSeen = new EventTime(r.ReadInt64()),
            Steps = r.ReadInt32(),
        };
        s.Intent = Optional(r.ReadString());
        s.ParentAgent = new AgentId(r.ReadString());
        s.ParentSession = new SessionId(r.ReadString());
        s.Evidence.Read(r);
        s.Chain.Read(r, withLastFailedCall: version >= 5);
        s.AgentSequence = NGramSession.Read(r);
        s.GroupSequence = NGramSession.Read(r);
        s.Surprise = r.ReadDouble();
        s.ScoredSteps = r.ReadInt32();
        s.PreviousStepUnseen = r.ReadBoolean();
        s.Statistic = r.ReadDouble();
        for (int i = 0; i < s.FamilyPeaks.Length; i++)
            s.FamilyPeaks[i] = r.ReadDouble();
        s.Risk = r.ReadDouble();
        s.MaxRisk = r.ReadDouble();
        s.AlertedSeverity = (Severity)r.ReadByte();
        s.Alerts = r.ReadInt32();
        s.ShapeFolded = r.ReadBoolean();
        s.Rules = RuleSessionState.Read(r);
        s.RuleSeverity = (Severity)r.ReadByte();
        int completed = r.ReadByte();
        for (int i = 0; i < completed; i++)
            s.CompletedRules.Add(r.ReadString());
        int credentials = r.ReadByte();
        for (int i = 0; i < credentials; i++)
            s._credentials.Add(r.ReadString());
        return s;
    }

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    public void AddCredential(string credentialId)
    {
        foreach (string c in _credentials)
        {
            if (string.Equals(c, credentialId, StringComparison.Ordinal))
                return;
        }
        if (_credentials.Count < MaxCredentials)
            _credentials.Add(credentialId);
    }
}
