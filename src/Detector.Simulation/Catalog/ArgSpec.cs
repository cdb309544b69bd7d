using Detector.Simulation.Sessions;

namespace Detector.Simulation.Catalog;

/// <summary>One entry of a tool's argument schema and how its value is drawn.</summary>
internal sealed record ArgSpec(string Name, Func<StepScope, ArgValue> Value)
{
    public static ArgSpec Text(string name, Func<StepScope, string> value) => new(name, s => ArgValue.Of(value(s)));

    public static ArgSpec Number(string name, Func<StepScope, double> value) => new(name, s => ArgValue.Of(value(s)));
}
