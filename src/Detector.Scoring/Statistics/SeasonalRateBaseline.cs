using Detector.Domain.Time;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Detector.Scoring.Statistics;

/// <summary>
/// Per-agent expected event count for each hour of the week (or hour of day by weekday/weekend), so
/// a burst at 03:00 from an agent that works office hours stands out while the same burst at 09:00
/// does not. Each bucket keeps an exponentially weighted mean and mean absolute deviation (robust
/// online estimates in the spirit of Hunter, "The exponentially weighted moving average", J. Quality
/// Technology 1986), winsorised so an attack burst barely moves its own baseline.
/// </summary>
/// <remarks>
/// The p-value is the larger of two upper tails: Poisson at the expected rate (exact, via the
/// regularised incomplete gamma: P(X >= k) = P(k, λ)), and normal at the learned spread with a
/// continuity correction. Poisson alone is right for steady agents but far too small for bursty ones
/// whose counts vary more than a Poisson's; the spread term covers those. Spread is
/// sqrt(π/2) x mean absolute deviation (the normal-consistent factor), floored at the Poisson sqrt(λ).
/// Each bucket averages exactly (weight 1/n) until n reaches 1/smoothing, then weights by smoothing.
/// Buckets are in UTC: pass the start of the counted hour shifted to the agent's local time if
/// weekends should follow its time zone. The caller must also observe hours with zero events.
/// Memory: 12 bytes a bucket, 576 bytes for 48 buckets, 2 KB for 168.
/// </remarks>
public sealed class SeasonalRateBaseline : IBinarySerializable<SeasonalRateBaseline>
{
    private const byte FormatVersion = 1;

    // Values above mean + 3 spreads are clipped before they update the baseline (never during warm-up).
    private const double WinsorLimit = 3;

    // E|X - μ| = σ sqrt(2/π) for a normal, so σ = sqrt(π/2) E|X - μ|.
    private static readonly double SpreadPerMeanAbsoluteDeviation = Math.Sqrt(Math.PI / 2);

    private readonly Bucket[] _buckets;
    private readonly SeasonalLayout _layout;
    private readonly double _smoothing;
    private readonly double _minimumRate;
    private readonly int _warmup;

    /// <param name="layout">How the week is split.</param>
    /// <param name="smoothing">EWMA weight of each new count, per bucket (0.1: about the last 10 samples of that bucket).</param>
    /// <param name="minimumRate">Floor on the expected count, so a bucket that has always been empty still
    /// yields a finite z and a p-value that scales with the count seen.</param>
    /// <param name="warmup">Samples a bucket needs before it scores.</param>
    public SeasonalRateBaseline(SeasonalLayout layout = SeasonalLayout.HourOfDayByDayType, double smoothing = 0.1, double minimumRate = 0.5, int warmup = 3)
    {
        if (layout is not (SeasonalLayout.HourOfWeek or SeasonalLayout.HourOfDayByDayType))
            Guard.Throw(nameof(layout), "layout is not a known SeasonalLayout");
        Guard.InRange(smoothing, 0.001, 1, nameof(smoothing));
        Guard.InRange(minimumRate, 1e-6, 1e9, nameof(minimumRate));
        Guard.InRange(warmup, 1, ushort.MaxValue, nameof(warmup));
        _layout = layout;
        _smoothing = smoothing;
        _minimumRate = minimumRate;
        _warmup = warmup;
        _buckets = new Bucket[layout == SeasonalLayout.HourOfWeek ? 168 : 48];
    }

    /// <summary>Learns the count seen in the hour starting at <paramref name="hour"/>.</summary>
    public void Observe(EventTime hour, long count)
    {
        ref var bucket = ref _buckets[BucketOf(hour)];
        double x = Math.Max(count, 0);
        if (bucket.Samples == 0)
        {
            bucket = new Bucket { Mean = (float)x, Samples = 1 };
            return;
        }
        if (bucket.Samples >= _warmup)
            x = Math.Min(x, bucket.Mean + WinsorLimit * Spread(bucket));
        int samples = Math.Min(bucket.Samples + 1, ushort.MaxValue);
        double weight = Math.Max(_smoothing, 1.0 / samples);
        double deviation = Math.Abs(x - bucket.Mean);
        bucket.Mean += (float)(weight * (x - bucket.Mean));
        bucket.MeanAbsoluteDeviation += (float)(weight * (deviation - bucket.MeanAbsoluteDeviation));
        bucket.Samples = (ushort)samples;
    }

    /// <summary>Scores the count seen in the hour starting at <paramref name="hour"/> against that hour's baseline.</summary>
    public RateScore Score(EventTime hour, long count)
    {
        ref readonly var bucket = ref _buckets[BucketOf(hour)];
        double expected = Math.Max(bucket.Mean, _minimumRate);
        if (bucket.Samples < _warmup)
            return new RateScore(expected, 0, 1);
        double spread = Spread(bucket);
        double z = (count - expected) / spread;
        if (count <= 0)
            return new RateScore(expected, z, 1);
        double poisson = SpecialFunctions.GammaLowerRegularized(count, expected);
        double normal = Normal.CDF(0, 1, -(count - 0.5 - expected) / spread);
        return new RateScore(expected, z, Math.Max(poisson, normal));
    }

    private int BucketOf(EventTime hour)
    {
        long ticks = hour.UtcTicks;
        int hourOfDay = (int)(ticks / TimeSpan.TicksPerHour % 24);
        // 0001-01-01 was a Monday, so day + 1 mod 7 counts from Sunday = 0 like DayOfWeek.
        int dayOfWeek = (int)((ticks / TimeSpan.TicksPerDay + 1) % 7);
        if (_layout == SeasonalLayout.HourOfWeek)
            return dayOfWeek * 24 + hourOfDay;
        bool weekend = dayOfWeek is (int)DayOfWeek.Saturday or (int)DayOfWeek.Sunday;
        return (weekend ? 24 : 0) + hourOfDay;
    }

    private double Spread(in Bucket bucket) =>
        Math.Max(SpreadPerMeanAbsoluteDeviation * bucket.MeanAbsoluteDeviation, Math.Sqrt(Math.Max(bucket.Mean, _minimumRate)));

    public void Write(BinaryWriter writer)
    {
        StateFormat.WriteHeader(writer, StateTag.SeasonalRateBaseline, FormatVersion);
        writer.Write((byte)_layout);
        writer.Write(_smoothing);
        writer.Write(_minimumRate);
        writer.Write(_warmup);
        foreach (var bucket in _buckets)
        {
            writer.Write(bucket.Mean);
            writer.Write(bucket.MeanAbsoluteDeviation);
            writer.Write(bucket.Samples);
        }
    }

    public static SeasonalRateBaseline Read(BinaryReader reader)
    {
        StateFormat.ReadHeader(reader, StateTag.SeasonalRateBaseline, FormatVersion);
        var layout = (SeasonalLayout)reader.ReadByte();
        if (layout is not (SeasonalLayout.HourOfWeek or SeasonalLayout.HourOfDayByDayType))
            StateFormat.Fail($"unknown seasonal layout {(byte)layout}");
        double smoothing = StateFormat.ReadDouble(reader, "smoothing", 0.001, 1);
        double minimumRate = StateFormat.ReadDouble(reader, "minimum rate", 1e-6, 1e9);
        int warmup = StateFormat.ReadInt32(reader, "warmup", 1, ushort.MaxValue);
        var baseline = new SeasonalRateBaseline(layout, smoothing, minimumRate, warmup);
        for (int i = 0; i < baseline._buckets.Length; i++)
        {
            baseline._buckets[i] = new Bucket
            {
                Mean = StateFormat.ReadSingle(reader, "bucket mean", 0),
                MeanAbsoluteDeviation = StateFormat.ReadSingle(reader, "bucket deviation", 0),
                Samples = reader.ReadUInt16(),
            };
        }
        return baseline;
    }

    private struct Bucket
    {
        public float Mean;
        public float MeanAbsoluteDeviation;
        public ushort Samples;
    }
}
