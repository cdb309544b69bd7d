using System.Diagnostics.CodeAnalysis;
using Detector.Domain.Events;

namespace Detector.Scoring.Rules;

/// <summary>
/// Checkpoint format, version 1, little-endian: version byte, rule-set fingerprint, last step,
/// completed and partial masks, stage count (0 while no pattern started), then per stage its progress
/// and matched steps (step, action, sensitivity, outcome, tool, destination, credential, flags, bytes out).
/// Restored stages are checked against the rule set at the next step.
/// </summary>
public sealed partial class RuleSessionState
{
    private const byte FormatVersion = 2;
    private const int MaxStages = RuleSet.MaxRules * (PolicyRule.MaxLength - 1);

    [Flags]
    private enum StepFlags : byte
    {
        None = 0,
        ForeignTenant = 1,
        Delegated = 2,
        OutsideParentIntent = 4,
        NewTool = 8,
        HasApproval = 16,
        LargeTransfer = 32,
        RareAction = 64,
        GrowingDoses = 128,
        All = 255,
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(FormatVersion);
        writer.Write(_fingerprint);
        writer.Write(LastStep);
        writer.Write(_completed);
        writer.Write(_partial);
        writer.Write(_stages?.Length ?? 0);
        if (_stages is null)
            return;
        foreach (ref readonly var a in _stages.AsSpan())
        {
            writer.Write((byte)a.Progress);
            for (int i = 0; i < a.Progress; i++)
                WriteStep(writer, a.Trace![i]);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="InvalidDataException"/> on a foreign or corrupt payload.</summary>
    public static RuleSessionState Read(BinaryReader reader)
    {
        byte version = reader.ReadByte();
        if (version != FormatVersion)
            Fail($"format version {version} is not supported (latest is {FormatVersion})");
        var s = new RuleSessionState
        {
            _fingerprint = reader.ReadUInt64(),
            LastStep = reader.ReadInt32(),
            _completed = reader.ReadUInt64(),
            _partial = reader.ReadUInt64(),
            _restored = true,
        };
        if (s.LastStep < 0)
            Fail($"last step {s.LastStep} is negative");
        int stages = reader.ReadInt32();
        if (stages < 0 || stages > MaxStages)
            Fail($"stage count {stages} is outside [0, {MaxStages}]");
        if (stages == 0)
            return s;
        s._stages = new PartialMatch[stages];
        foreach (ref var a in s._stages.AsSpan())
        {
            int progress = reader.ReadByte();
            if (progress >= PolicyRule.MaxLength)
                Fail($"progress {progress} exceeds {PolicyRule.MaxLength - 1}");
            if (progress == 0)
                continue;
            a.Trace = new MatchedStep[progress];
            for (int i = 0; i < progress; i++)
            {
                var step = ReadStep(reader);
                if (step.Step <= (i == 0 ? 0 : a.Trace[i - 1].Step) || step.Step > s.LastStep)
                    Fail($"matched step {step.Step} is out of order");
                a.Trace[i] = step;
            }
            a.Progress = progress;
        }
        return s;
    }

    private static void WriteStep(BinaryWriter w, in MatchedStep m)
    {
        var f = m.Facts;
        w.Write(m.Step);
        w.Write((byte)f.Action);
        w.Write((byte)f.Sensitivity);
        w.Write((byte)f.Outcome);
        w.Write(f.Tool ?? "");
        w.Write((byte)f.Destination);
        w.Write((byte)f.Credential);
        var flags = (f.ForeignTenant ? StepFlags.ForeignTenant : 0) | (f.Delegated ? StepFlags.Delegated : 0)
            | (f.OutsideParentIntent ? StepFlags.OutsideParentIntent : 0) | (f.NewTool ? StepFlags.NewTool : 0)
            | (f.HasApproval ? StepFlags.HasApproval : 0) | (f.LargeTransfer ? StepFlags.LargeTransfer : 0)
            | (f.RareAction ? StepFlags.RareAction : 0) | (f.GrowingDoses ? StepFlags.GrowingDoses : 0);
        w.Write((byte)flags);
        w.Write(f.BytesOut.HasValue);
        if (f.BytesOut is long bytes)
            w.Write(bytes);
    }

    private static MatchedStep ReadStep(BinaryReader r)
    {
        int step = r.ReadInt32();
        var action = (ToolAction)Bounded(r, (byte)ToolAction.Privilege, "action");
        var sensitivity = (Sensitivity)Bounded(r, (byte)Sensitivity.Restricted, "sensitivity");
        var outcome = (Outcome)Bounded(r, (byte)Outcome.Error, "outcome");
        string tool = r.ReadString();
        var destination = (DestinationClass)Bounded(r, (byte)DestinationClass.NewForPeers, "destination");
        var credential = (CredentialStatus)Bounded(r, (byte)CredentialStatus.Stale, "credential");
        var flags = (StepFlags)Bounded(r, (byte)StepFlags.All, "flags");
        long? bytesOut = r.ReadBoolean() ? r.ReadInt64() : null;
        return new MatchedStep(step, new StepFacts
        {
            Action = action,
            Sensitivity = sensitivity,
            Outcome = outcome,
            Tool = tool,
            Destination = destination,
            Credential = credential,
            ForeignTenant = flags.HasFlag(StepFlags.ForeignTenant),
            Delegated = flags.HasFlag(StepFlags.Delegated),
            OutsideParentIntent = flags.HasFlag(StepFlags.OutsideParentIntent),
            NewTool = flags.HasFlag(StepFlags.NewTool),
            HasApproval = flags.HasFlag(StepFlags.HasApproval),
            LargeTransfer = flags.HasFlag(StepFlags.LargeTransfer),
            RareAction = flags.HasFlag(StepFlags.RareAction),
            GrowingDoses = flags.HasFlag(StepFlags.GrowingDoses),
            BytesOut = bytesOut,
        });
    }

    private static byte Bounded(BinaryReader r, byte max, string what)
    {
        byte value = r.ReadByte();
        if (value > max)
            Fail($"{what} {value} exceeds {max}");
        return value;
    }

    [DoesNotReturn]
    private static void Fail(string message) => throw new InvalidDataException("Corrupt rule session state: " + message + ".");
}
