using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>A detector added to the engine without a known-answer case held to the contract is caught here.</summary>
public sealed class ContractCoverageTests
{
    [Fact]
    public void Every_detector_the_engine_runs_has_a_known_answer_case_held_to_the_detector_contract()
    {
        var options = new EngineOptions();
        var engine = new DetectionEngine(options, DetectorModel.Empty, new InMemoryBindingTable(options));

        var covered = typeof(DetectorContract).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DetectorContract)) && !t.IsAbstract)
            .Select(t => ((DetectorContract)Activator.CreateInstance(t)!).DetectorType)
            .ToHashSet();

        Assert.All(engine.CreateDetectors(), d => Assert.Contains(d.GetType(), covered));
    }
}
