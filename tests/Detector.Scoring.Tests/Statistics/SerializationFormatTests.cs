using System.Security.Cryptography;
using Detector.Domain.Time;
using Detector.Scoring.Statistics;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

/// <summary>
/// Freezes the checkpoint format of every statistics state. Checkpoints and model files written by
/// one build are read by the next: if one of these fails, the change to the format was either a
/// mistake, or deliberate and needs a new format version and a reader for the old one.
/// </summary>
public sealed class SerializationFormatTests
{
    [Fact]
    public void State_tags_keep_their_numbers()
    {
        Assert.Equal(1, (byte)StateTag.SlidingWindow);
        Assert.Equal(2, (byte)StateTag.CusumState);
        Assert.Equal(3, (byte)StateTag.ConformalMartingale);
        Assert.Equal(4, (byte)StateTag.SeasonalRateBaseline);
        Assert.Equal(5, (byte)StateTag.CountMinSketch);
        Assert.Equal(6, (byte)StateTag.SeenSet);
        Assert.Equal(7, (byte)StateTag.NGramModel);
        Assert.Equal(8, (byte)StateTag.NGramSession);
        Assert.Equal(9, (byte)StateTag.EmpiricalCalibration);
        Assert.Equal(9, Enum.GetValues<StateTag>().Length);
    }

    [Fact]
    public void Seasonal_layouts_keep_their_numbers()
    {
        Assert.Equal(1, (byte)SeasonalLayout.HourOfWeek);
        Assert.Equal(2, (byte)SeasonalLayout.HourOfDayByDayType);
        Assert.Equal(2, Enum.GetValues<SeasonalLayout>().Length);
    }

    [Fact]
    public void A_sliding_window_writes_tag_version_capacity_count_and_its_floats_oldest_first()
    {
        var window = new SlidingWindow(3);
        foreach (double v in new[] { 1, 2.5, 4, 8 })
            window.Push(v);
        AssertFrozen("01010300000003000000000020400000804000000041", window);
    }

    // The states below are built from values whose fields are exact in binary (no logarithms), so the
    // bytes are the same on every platform's maths library.

    [Fact]
    public void A_cusum_state_writes_count_mean_variance_and_both_sums()
    {
        var cusum = new SelfStartingCusum(1, warmup: 8);
        var state = new CusumState();
        foreach (double v in new double[] { 1, 2, 3, 10 })
            cusum.Update(ref state, v);
        AssertFrozen("0201040000000000000000001040000000000000294000000000000000000000000000000000", state);
    }

    [Fact]
    public void A_conformal_martingale_writes_its_settings_random_state_and_values_oldest_first()
    {
        var martingale = new ConformalMartingale(bagSize: 4, lag: 1, epsilon: 0.5, threshold: 100, seed: 7);
        foreach (double v in new double[] { 1, 2, 0, 1, 40 })
            martingale.Update(v);
        AssertFrozen(
            "03010400000001000000000000000000E03F000000000000594007000000000000000000000000000000050000000000803F00000040000000000000803F00002042",
            martingale);
    }

    [Fact]
    public void A_seasonal_rate_baseline_writes_its_settings_then_every_bucket()
    {
        var baseline = new SeasonalRateBaseline(SeasonalLayout.HourOfDayByDayType, smoothing: 0.25, minimumRate: 0.5, warmup: 2);
        var monday = EventTime.FromDateTimeOffset(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        baseline.Observe(monday, 10);
        baseline.Observe(monday + TimeSpan.FromDays(1), 14);
        baseline.Observe(monday + TimeSpan.FromDays(5) + TimeSpan.FromHours(4), 3);

        var bytes = Serialized.Bytes(baseline);
        Assert.Equal(503, bytes.Length);
        Assert.Equal("040102000000000000D03F000000000000E03F02000000", Convert.ToHexString(bytes, 0, 23));
        Assert.Equal("1711208CB309D49A4952C21A72723B51034201C3B1E9E3F6FBA0ED130AAEAB2F", Convert.ToHexString(SHA256.HashData(bytes)));
        Assert.Equal(bytes, Serialized.Bytes(Serialized.Read<SeasonalRateBaseline>(bytes)));
    }

    [Fact]
    public void A_count_min_sketch_writes_its_shape_total_and_counters()
    {
        var sketch = new CountMinSketch(0.5, 0.5);
        sketch.Add(1, 3);
        sketch.Add(2);
        sketch.Add(3, 2);
        AssertFrozen("0501030106000000000000000200000000000000030000000000000000000000000000000100000000000000", sketch);
    }

    [Fact]
    public void A_seen_set_writes_only_its_occupied_slots()
    {
        var set = new SeenSet(4, 2);
        set.Observe(10, 100);
        set.Observe(11, 101);
        set.Observe(10, 102);
        AssertFrozen("0602" + "04000000" + "02000000" + "04000000" + "0000000000000000" + "02000000" + "01000000" + "0A00000000000000" + "0200" + "6600" + "02000000" + "0B00000000000000" + "0100" + "6500", set);
    }

    [Fact]
    public void An_ngram_model_writes_its_counts_in_key_order()
    {
        var model = new NGramModel(4, 1, 16);
        var session = new NGramSession();
        foreach (int symbol in new[] { 0, 1, 0, 1 })
        {
            model.Learn(session, symbol);
            session.Append(symbol, 1);
        }
        AssertFrozen("070104000000011000000005000000000000400200000001000040020000000100008002000000000400800100000000FC0F8001000000", model);
    }

    [Fact]
    public void An_ngram_session_writes_its_context_and_likelihood()
    {
        var session = new NGramSession();
        session.Append(2, 0.5);
        AssertFrozen("08010300000001000000000000000000F0BF01000000", session);
    }

    [Fact]
    public void An_empirical_calibration_writes_its_knots()
    {
        AssertFrozen(
            "09010400000003000000000000000000F03F04000000030000000000000000000040030000000100000000000000000008400100000000000000",
            EmpiricalCalibration.Fit([1, 2, 2, 3]));
    }

    [Fact]
    public void A_payload_written_by_another_type_is_refused()
    {
        var bytes = Serialized.Bytes(new SlidingWindow(2));
        var error = Assert.Throws<InvalidDataException>(() => Serialized.Read<SeenSet>(bytes));
        Assert.Contains("SeenSet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_from_a_newer_format_version_is_refused()
    {
        var bytes = Serialized.Bytes(new CountMinSketch(0.5, 0.5));
        bytes[1] = 2;
        Assert.Throws<InvalidDataException>(() => Serialized.Read<CountMinSketch>(bytes));
    }

    [Fact]
    public void A_corrupt_size_is_refused_rather_than_allocated()
    {
        var bytes = Serialized.Bytes(new SlidingWindow(2));
        bytes[5] = 0x7F;
        Assert.Throws<InvalidDataException>(() => Serialized.Read<SlidingWindow>(bytes));
    }

    private static void AssertFrozen<T>(string expectedHex, T value)
        where T : IBinarySerializable<T>
    {
        var bytes = Serialized.Bytes(value);
        Assert.Equal(expectedHex, Convert.ToHexString(bytes));
        Assert.Equal(bytes, Serialized.Bytes(Serialized.Read<T>(bytes)));
    }
}
