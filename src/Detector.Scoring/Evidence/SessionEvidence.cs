namespace Detector.Scoring.Evidence;

/// <summary>
/// The evidence a session has gathered: per kind, the strongest finding and where it occurred, and
/// the evidence steps in order (bounded: the strongest are kept). Sparse, because most sessions
/// carry no evidence at all.
/// </summary>
public sealed class SessionEvidence
{
    public const int MaxSteps = 12;

    private readonly List<EvidenceStepRecord> _steps = [];
    private readonly List<KindBest> _best = [];

    public IReadOnlyList<EvidenceStepRecord> Steps => _steps;

    public int KindCount => _best.Count;

    public KindBest BestAt(int index) => _best[index];

    /// <summary>Records a finding; returns true if it is the strongest of its kind so far.</summary>
    public bool Add(in EvidenceStepRecord step)
    {
        bool strongest = true;
        int k = IndexOf(step.Finding.Kind);
        if (k < 0)
        {
            _best.Add(new KindBest(step.Finding.Kind, step.Finding.PValue, step.Step, 1));
        }
        else
        {
            var b = _best[k];
            strongest = step.Finding.PValue < b.PValue;
            _best[k] = strongest ? b with { PValue = step.Finding.PValue, Step = step.Step, Count = b.Count + 1 } : b with { Count = b.Count + 1 };
        }
        AddStep(step);
        return strongest;
    }

    private void AddStep(in EvidenceStepRecord step)
    {
        if (_steps.Count < MaxSteps)
        {
            // Grow 4, 8, 12: doubling past 8 would reserve room the cap never uses.
            if (_steps.Count == _steps.Capacity)
                _steps.Capacity = Math.Min(Math.Max(4, 2 * _steps.Capacity), MaxSteps);
            _steps.Add(step);
            return;
        }
        // Full: drop the weakest step if the new one is stronger; order stays by step.
        int weakest = 0;
        for (int i = 1; i < _steps.Count; i++)
        {
            if (_steps[i].Finding.PValue > _steps[weakest].Finding.PValue)
                weakest = i;
        }
        if (_steps[weakest].Finding.PValue <= step.Finding.PValue)
            return;
        _steps.RemoveAt(weakest);
        _steps.Add(step);
    }

    private int IndexOf(EvidenceKind kind)
    {
        for (int i = 0; i < _best.Count; i++)
        {
            if (_best[i].Kind == kind)
                return i;
        }
        return -1;
    }

    public void Write(BinaryWriter w)
    {
        w.Write((byte)_best.Count);
        foreach (var b in _best)
        {
            w.Write((byte)b.Kind);
            w.Write(b.PValue);
            w.Write(b.Step);
            w.Write(b.Count);
        }
        w.Write((byte)_steps.Count);
        foreach (var s in _steps)
        {
            w.Write(s.EventId);
            w.Write(s.Time.UtcTicks);
            w.Write(s.Tool);
            w.Write(s.Action);
            w.Write(s.Step);
            var f = s.Finding;
            w.Write((byte)f.Kind);
            w.Write(f.PValue);
            w.Write(f.Subject ?? "");
            w.Write(f.Subject is not null);
            w.Write(f.Observed);
            w.Write(f.Expected);
            w.Write(f.Basis);
            w.Write((byte)f.Scope);
        }
    }

    public void Read(BinaryReader r)
    {
        _best.Clear();
        _steps.Clear();
        int kinds = r.ReadByte();
        for (int i = 0; i < kinds; i++)
            _best.Add(new KindBest((EvidenceKind)r.ReadByte(), r.ReadDouble(), r.ReadInt32(), r.ReadInt32()));
        int steps = r.ReadByte();
        for (int i = 0; i < steps; i++)
        {
            string eventId = r.ReadString();
            var time = new Domain.Time.EventTime(r.ReadInt64());
            string tool = r.ReadString();
            string action = r.ReadString();
            int step = r.ReadInt32();
            var kind = (EvidenceKind)r.ReadByte();
            double p = r.ReadDouble();
            string subject = r.ReadString();
            bool hasSubject = r.ReadBoolean();
            var finding = new Finding(kind, p, hasSubject ? subject : null, r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), (FindingScope)r.ReadByte());
            _steps.Add(new EvidenceStepRecord(eventId, time, tool, action, step, finding));
        }
    }

    /// <summary>The strongest finding of one kind in the session, at which step, and how many findings of that kind.</summary>
    public readonly record struct KindBest(EvidenceKind Kind, double PValue, int Step, int Count);
}
