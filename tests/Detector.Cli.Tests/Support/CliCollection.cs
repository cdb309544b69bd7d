using Xunit;

namespace Detector.Cli.Tests.Support;

/// <summary>The end-to-end tests share one simulated dataset and trained model, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<SmallDataset>
{
    public const string Name = "cli";
}
