using Detector.Domain.Identity;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;
using Detector.Scoring.Profiles;
using Detector.Scoring.Tests.Quality;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// Session risk is a calibrated probability-like score and a session's evidence is an envelope: on
/// simulated fleets, trained or learning online, every risk lies in [0,1] and is a number, and within
/// a session no family's peak, no kind's strongest p-value and no maximum risk ever moves back.
/// </summary>
public sealed class EngineRiskPropertyTests
{
    [Fact]
    public void Every_risk_and_alert_score_lies_within_zero_and_one_and_is_never_nan()
    {
        SeededCheck.Verify(Prop.ForAll(SmallFleets.Arbitrary, options =>
        {
            var fleet = new SimulatedFleet(options);
            var engine = new EngineOptions();

            foreach (var model in new[] { fleet.Train(engine), DetectorModel.Empty })
            {
                var replay = fleet.Replay(model, engine);

                Assert.NotEmpty(replay.Risks);
                Assert.All(replay.Risks, r => Assert.True(r.Risk is >= 0 and <= 1, $"{r.EventId}: risk {r.Risk}"));
                Assert.All(replay.Alerts, a => Assert.True(a.Score is >= 0 and <= 1, $"{a.AlertId}: score {a.Score}"));
            }
        }), maxTest: 3);
    }

    [Fact]
    public void A_sessions_evidence_peaks_and_maximum_risk_never_fall()
    {
        SeededCheck.Verify(Prop.ForAll(SmallFleets.Arbitrary, options =>
        {
            var fleet = new SimulatedFleet(options);
            var engine = new EngineOptions();
            var seen = new Dictionary<SessionKey, Envelope>();
            int grown = 0;

            fleet.Replay(fleet.Train(engine), engine, (e, _, shard) =>
            {
                var session = shard.OpenSessions.First(s => s.Key == e.SessionKey);
                var now = Envelope.Of(session);
                if (seen.TryGetValue(e.SessionKey, out var before) && ReferenceEquals(before.Session, session))
                {
                    now.AssertNeverBelow(before, e.EventId);
                    grown += now.Stronger(before) ? 1 : 0;
                }
                seen[e.SessionKey] = now;
            });

            Assert.True(grown > 0, "no session's evidence grew after its first step: the property was never exercised");
        }), maxTest: 3);
    }

    /// <summary>A session's evidence after one event: family peaks, each kind's strongest p-value, its maximum risk.</summary>
    private sealed record Envelope(SessionState Session, double[] Peaks, Dictionary<Evidence.EvidenceKind, double> Strongest, double MaxRisk)
    {
        public static Envelope Of(SessionState s) => new(s, [.. s.FamilyPeaks],
            Enumerable.Range(0, s.Evidence.KindCount).Select(s.Evidence.BestAt).ToDictionary(b => b.Kind, b => b.PValue), s.MaxRisk);

        public void AssertNeverBelow(Envelope before, string eventId)
        {
            for (int f = 0; f < Peaks.Length; f++)
                Assert.True(Peaks[f] >= before.Peaks[f], $"{eventId}: family {f} peak fell from {before.Peaks[f]} to {Peaks[f]}");
            foreach (var (kind, p) in before.Strongest)
                Assert.True(Strongest.TryGetValue(kind, out double now) && now <= p, $"{eventId}: {kind} weakened from {p}");
            Assert.True(MaxRisk >= before.MaxRisk, $"{eventId}: maximum risk fell from {before.MaxRisk} to {MaxRisk}");
        }

        public bool Stronger(Envelope before) => Peaks.Zip(before.Peaks).Any(p => p.First > p.Second);
    }
}
