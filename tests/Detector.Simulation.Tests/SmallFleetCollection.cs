using Xunit;

namespace Detector.Simulation.Tests;

[CollectionDefinition(Name)]
public sealed class SmallFleetCollection : ICollectionFixture<SmallFleet>
{
    public const string Name = "small fleet";
}
