using Detector.Kafka.Models;
using Detector.Kafka.Processing;
using Detector.Pipeline.Shadow;
using Detector.Scoring.Model;
using Detector.Web.Models;

namespace Detector.Hosting.Surfaces;

/// <summary>The dashboard's model requests, sent through the worker's models topic to every worker of the group.</summary>
public sealed class WorkerModelControl(KafkaWorker worker) : IModelControl
{
    public string ActiveVersion => worker.ActiveModelVersion;

    public ShadowReport? Shadow => worker.Shadow;

    public Task<string> StartShadowAsync(string directory, string actor, CancellationToken cancellationToken) =>
        PublishAsync(ModelRole.Shadow, directory, actor, cancellationToken);

    public Task<string> ActivateAsync(string directory, string actor, CancellationToken cancellationToken) =>
        PublishAsync(ModelRole.Active, directory, actor, cancellationToken);

    public Task<string> PromoteAsync(string actor, CancellationToken cancellationToken) => worker.PromoteShadowAsync(actor, cancellationToken);

    public Task StopShadowAsync(string actor, CancellationToken cancellationToken) => worker.PublishModelAsync(ModelRole.Shadow, null, actor, cancellationToken);

    private async Task<string> PublishAsync(ModelRole role, string directory, string actor, CancellationToken cancellationToken)
    {
        try
        {
            var directive = await worker.PublishModelAsync(role, directory, actor, cancellationToken).ConfigureAwait(false);
            return directive!.Version;
        }
        catch (Exception e) when (ModelStore.IsUnreadable(e))
        {
            throw new ArgumentException($"'{directory}' does not hold a model this build can load: {e.Message}", nameof(directory), e);
        }
    }
}
