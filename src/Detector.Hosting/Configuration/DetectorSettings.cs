using Detector.Domain.Events;
using Detector.Pipeline;
using Detector.Pipeline.Enforcement;
using Detector.Scoring.Engine;

namespace Detector.Hosting.Configuration;

/// <summary>
/// All settings, bound from appsettings.json, a --config file, DETECTOR__ environment variables and
/// the command line (later sources win), and validated once before anything runs.
/// </summary>
public sealed class DetectorSettings
{
    public PipelineOptions Pipeline { get; set; } = new();

    public EngineOptions Engine { get; set; } = new();

    public QuarantineOptions Quarantine { get; set; } = new();

    /// <summary>Defaults per tool for events that leave out action or sensitivity, e.g. "send_wire": { "Action": "Transfer" }.</summary>
    public Dictionary<string, ToolCatalogEntry> ToolCatalog { get; set; } = new(StringComparer.Ordinal);

    public ToolCatalog BuildCatalog() => new(ToolCatalog);

    public void Validate()
    {
        Pipeline.Validate();
        Engine.Validate();
        Quarantine.Validate();
    }
}
