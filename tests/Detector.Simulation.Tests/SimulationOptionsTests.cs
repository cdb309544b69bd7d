using Xunit;

namespace Detector.Simulation.Tests;

public sealed class SimulationOptionsTests
{
    public static TheoryData<string, Action<SimulationOptions>> InvalidChanges => new()
    {
        { nameof(SimulationOptions.Agents), o => o.Agents = 6 },
        { nameof(SimulationOptions.Agents), o => o.Agents = 20_001 },
        { nameof(SimulationOptions.HistoryDays), o => o.HistoryDays = 0 },
        { nameof(SimulationOptions.HistoryDays), o => o.HistoryDays = 367 },
        { nameof(SimulationOptions.TestDays), o => o.TestDays = 0 },
        { nameof(SimulationOptions.TestDays), o => o.TestDays = 93 },
        { nameof(SimulationOptions.AttackRate), o => o.AttackRate = -0.01 },
        { nameof(SimulationOptions.AttackRate), o => o.AttackRate = 0.51 },
        { nameof(SimulationOptions.AttackRate), o => o.AttackRate = double.NaN },
        { nameof(SimulationOptions.NoiseRate), o => o.NoiseRate = -0.1 },
        { nameof(SimulationOptions.NoiseRate), o => o.NoiseRate = 0.6 },
        { nameof(SimulationOptions.Start), o => o.Start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) },
        { nameof(SimulationOptions.Start), o => o.Start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1)) },
    };

    [Fact]
    public void Defaults_are_the_documented_ones_and_valid()
    {
        var o = new SimulationOptions();
        Assert.Equal((1, 60, 14, 7, 0.02, false, 0.0), (o.Seed, o.Agents, o.HistoryDays, o.TestDays, o.AttackRate, o.MinimalFields, o.NoiseRate));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), o.Start);
        Assert.Equal(DayOfWeek.Monday, o.Start.DayOfWeek);
        o.Validate();
    }

    [Theory]
    [MemberData(nameof(InvalidChanges))]
    public void Out_of_range_values_are_rejected_naming_the_option(string option, Action<SimulationOptions> change)
    {
        var o = new SimulationOptions();
        change(o);
        var error = Assert.Throws<ArgumentOutOfRangeException>(o.Validate);
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void The_simulator_validates_its_options_when_constructed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FleetSimulator(new SimulationOptions { TestDays = 0 }));
    }

    [Fact]
    public void Changing_options_after_construction_does_not_affect_the_simulator()
    {
        var options = new SimulationOptions { Agents = 7, HistoryDays = 1, TestDays = 1 };
        var simulator = new FleetSimulator(options);
        options.Agents = 500;
        using var history = new MemoryStream();
        using var events = new MemoryStream();
        using var labels = new MemoryStream();
        simulator.Run(history, events, labels);
        Assert.Equal(SimulationRun.Execute(new SimulationOptions { Agents = 7, HistoryDays = 1, TestDays = 1 }).HistoryBytes, history.ToArray());
    }
}
