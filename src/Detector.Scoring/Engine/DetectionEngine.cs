using Detector.Domain.Outputs;
using Detector.Scoring.Alerts;
using Detector.Scoring.Bindings;
using Detector.Scoring.Detectors;
using Detector.Scoring.Fusion;
using Detector.Scoring.Model;
using Detector.Scoring.Rules;

namespace Detector.Scoring.Engine;

/// <summary>
/// The scoring engine for one run: options, model, the detector set and the shared binding table,
/// wired once. Each pipeline shard gets its own <see cref="EngineShard"/> from it.
/// </summary>
public sealed class DetectionEngine
{
    public DetectionEngine(EngineOptions options, DetectorModel model, IBindingTable bindings)
    {
        options.Validate();
        Options = options;
        Model = model;
        Bindings = bindings;
        Thresholds = model.Thresholds ?? SeverityThresholds.From(options.SeverityThresholds);
        Rules = RuleSet.Load(options.Rules);
        Alerts = new AlertFactory(model.Version);
    }

    public EngineOptions Options { get; }

    public DetectorModel Model { get; }

    public IBindingTable Bindings { get; }

    public SeverityThresholds Thresholds { get; }

    /// <summary>The policy rules, shared by every shard (immutable).</summary>
    public RuleSet Rules { get; }

    /// <summary>
    /// A fresh detector set for one shard (some hold scratch buffers). Order matters: novelty runs
    /// first because the escalation detectors read its verdicts on the same event.
    /// </summary>
    public IDetector[] CreateDetectors() =>
    [
        new NoveltyDetector(),
        new SequenceDetector(),
        new SessionShapeDetector(),
        new EscalationDetector(),
        new DestinationDriftDetector(),
        new CredentialDetector(),
        new DelegationDetector(),
        new RateDetector(),
        new MixDriftDetector(),
    ];

    public AlertFactory Alerts { get; }

    public string ModelVersion => Model.Version;

    /// <summary>
    /// The severity floor a rule may set: its own, unless training saw it complete in more benign
    /// sessions than that severity's budget (1 minus its calibrated threshold: medium allows 0.2%), in
    /// which case the highest severity its benign rate fits. The fleet's data, not the rule file, has
    /// the last word on how often a pattern is innocent.
    /// </summary>
    public Severity RuleFloor(string ruleId, Severity declared)
    {
        if (declared == Severity.None || !Model.RuleRates.TryGetValue(ruleId, out double rate))
            return declared;
        var floor = declared;
        while (floor > Severity.None && rate > 1 - Thresholds.Of(floor))
            floor--;
        return floor;
    }

    /// <param name="learnFromAlertedSessions">True only when building a model from history taken as benign.</param>
    public EngineShard CreateShard(bool learnFromAlertedSessions = false) => new(this, learnFromAlertedSessions);
}
