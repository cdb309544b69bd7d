namespace Detector.Simulation.Catalog;

/// <summary>One argument value: text, or a number when <see cref="Text"/> is null.</summary>
internal readonly record struct ArgValue(string? Text, double Number)
{
    public bool IsNumber => Text is null;

    public static ArgValue Of(string text) => new(text, 0);

    public static ArgValue Of(double number) => new(null, number);
}
