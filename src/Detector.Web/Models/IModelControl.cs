using Detector.Pipeline.Shadow;

namespace Detector.Web.Models;

/// <summary>
/// What the host lets data scientists do with models from the dashboard and /api/models: see the active
/// version and the shadow comparison, start a candidate in shadow, promote it, stop it, or activate a
/// model directory directly. Requests reach every worker of the group (the worker publishes them to its
/// models topic), so they return once published, before every worker applied them.
/// </summary>
public interface IModelControl
{
    string ActiveVersion { get; }

    /// <summary>The comparison with the candidate in shadow on this worker; null when none runs.</summary>
    ShadowReport? Shadow { get; }

    /// <returns>The version of the model found in <paramref name="directory"/>.</returns>
    /// <exception cref="ArgumentException">The directory holds no readable model (the message says why).</exception>
    Task<string> StartShadowAsync(string directory, string actor, CancellationToken cancellationToken);

    /// <inheritdoc cref="StartShadowAsync"/>
    Task<string> ActivateAsync(string directory, string actor, CancellationToken cancellationToken);

    /// <summary>Activates the model running in shadow (its state is adopted) and stops the shadow.</summary>
    /// <exception cref="InvalidOperationException">No shadow runs.</exception>
    Task<string> PromoteAsync(string actor, CancellationToken cancellationToken);

    Task StopShadowAsync(string actor, CancellationToken cancellationToken);
}
