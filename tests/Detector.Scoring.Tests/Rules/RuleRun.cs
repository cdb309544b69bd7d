using Detector.Scoring.Rules;

namespace Detector.Scoring.Tests.Rules;

/// <summary>One session fed step by step through a rule set, recording every report as a readable line.</summary>
internal sealed class RuleRun(RuleSet rules)
{
    private readonly RuleMatchBuffer _buffer = new();

    public RuleSessionState State { get; private set; } = new();

    public int Step { get; private set; }

    /// <summary>"rule_id completed at 7: 3 7": the rule, its stage, the step it was reported at, the matched steps.</summary>
    public List<string> Reports { get; } = [];

    public List<RuleMatch> Matches { get; } = [];

    public RuleRun Feed(string codes)
    {
        foreach (char c in codes)
            Feed(Facts.Of(c));
        return this;
    }

    public RuleRun Feed(in StepFacts facts)
    {
        Step++;
        rules.Observe(State, facts, Step, _buffer);
        foreach (var m in _buffer.AsSpan())
        {
            Matches.Add(m);
            Reports.Add(Line(Step, m));
        }
        return this;
    }

    /// <summary>Writes the state and reads it back, as a checkpoint and restart would.</summary>
    public RuleRun Checkpoint()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            State.Write(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        State = RuleSessionState.Read(reader);
        return this;
    }

    public IEnumerable<string> ReportsOf(string rule) => Reports.Where(r => r.StartsWith(rule + " ", StringComparison.Ordinal));

    public bool Completed(string rule) => Matches.Any(m => m.Rule.Id == rule && m.Stage == RuleStage.Completed);

    public static string Line(int at, in RuleMatch m) =>
        $"{m.Rule.Id} {(m.Stage == RuleStage.Completed ? "completed" : "partial")} at {at}: {string.Join(' ', m.Steps.Select(s => s.Step))}";
}
