namespace Detector.Simulation.Tests;

/// <summary>Records reports on the calling thread (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class SynchronousProgress(List<double> reports) : IProgress<double>
{
    public void Report(double value) => reports.Add(value);
}
