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
    ];

    public AlertFactory Alerts { get; }

    public string ModelVersion => Model.Version;

    /// <param name="learnFromAlertedSessions">True only when building a model from history taken as benign.</param>
    public EngineShard CreateShard(bool learnFromAlertedSessions = false) => new(this, learnFromAlertedSessions);
}
