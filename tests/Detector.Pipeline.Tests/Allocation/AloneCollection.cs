using Xunit;

namespace Detector.Pipeline.Tests.Allocation;

/// <summary>
/// Allocation is measured with nothing else running: shared pools (ArrayPool, string pools) that other
/// tests fill or drain concurrently would otherwise move the figure by a few kilobytes between runs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "allocation";
}
