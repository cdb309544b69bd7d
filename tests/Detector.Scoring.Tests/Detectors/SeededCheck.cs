using FsCheck;
using Microsoft.FSharp.Core;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// FsCheck's QuickThrowOnFailure with a fixed seed and few cases: each case of an engine property
/// simulates or scripts a fleet, trains a model and replays it, so cases are few and always the same.
/// </summary>
internal static class SeededCheck
{
    public static void Verify(Property property, int maxTest, ulong seed = 20_260_105)
    {
        var replay = new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithReplay(FSharpOption<Replay>.Some(replay)), property);
    }
}
