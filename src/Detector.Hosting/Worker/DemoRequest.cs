namespace Detector.Hosting.Worker;

/// <summary>How long and how fast the embedded demo streams its fleet.</summary>
/// <param name="Duration">How long events are produced (the demo then drains and ends).</param>
/// <param name="Rate">Offered events per second.</param>
public sealed record DemoRequest(TimeSpan Duration, double Rate)
{
    public void Validate()
    {
        if (Duration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "must be positive");
        if (Rate <= 0)
            throw new ArgumentOutOfRangeException(nameof(Rate), Rate, "must be positive");
    }
}
