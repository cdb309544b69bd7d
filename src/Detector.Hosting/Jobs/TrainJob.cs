using Detector.Hosting.Configuration;
using Detector.Pipeline;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Summary;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;
using Detector.Scoring.Training;

namespace Detector.Hosting.Jobs;

/// <summary>
/// Trains a model from history: two passes of it through the replay pipeline (one shard, so the
/// result is deterministic), then, given a directory, the model and its card written there.
/// </summary>
public sealed class TrainJob(Func<JsonLinesSource> openHistory, string? modelDirectory, DetectorSettings settings)
{
    public TrainJob(string input, string modelDirectory, DetectorSettings settings)
        : this(() => JsonLinesSource.Open(input, settings.Pipeline.Ingest.MaxRecordBytes), modelDirectory, settings)
    {
    }

    /// <summary>Which pass is running (1 or 2) and its input, for progress bars.</summary>
    public (int Pass, JsonLinesSource? Source) Progress { get; private set; }

    public async Task<(DetectorModel Model, RunSummary Summary)> RunAsync(CancellationToken cancellationToken)
    {
        var trainer = new Trainer(settings.Engine);
        var summary = await PassAsync(1, trainer.FirstPass(), cancellationToken).ConfigureAwait(false);
        await PassAsync(2, trainer.SecondPass(), cancellationToken).ConfigureAwait(false);
        var model = trainer.Finish();
        if (modelDirectory is not null)
        {
            ModelStore.Save(model, modelDirectory);
            string card = ModelCard.Render(model, summary.InputName);
            await File.WriteAllTextAsync(Path.Combine(modelDirectory, ModelCard.FileName), card, cancellationToken).ConfigureAwait(false);
        }
        return (model, summary);
    }

    private async Task<RunSummary> PassAsync(int pass, IScoringShard shard, CancellationToken cancellationToken)
    {
        using var source = openHistory();
        Progress = (pass, source);
        var options = settings.Pipeline;
        options.Shards = 1;
        var graph = new PipelineGraph(options, settings.Quarantine, settings.BuildCatalog(), _ => shard, source, wallClock: null);
        var summary = new RunSummary();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await new InlinePipeline(graph).RunAsync(new SummarySink(summary), cancellationToken).ConfigureAwait(false);
        summary.Elapsed = clock.Elapsed;
        summary.BlankLines = source.BlankLines;
        summary.InputName = source.Name;
        return summary;
    }
}
