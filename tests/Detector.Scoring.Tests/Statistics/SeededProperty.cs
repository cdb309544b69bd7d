using FsCheck;
using Microsoft.FSharp.Core;

namespace Detector.Scoring.Tests.Statistics;

/// <summary>FsCheck's quick check with a fixed seed, so a property test is as repeatable as every other test.</summary>
internal static class SeededProperty
{
    public static void Verify(Property property, ulong seed = 20_260_101)
    {
        var replay = new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(FSharpOption<Replay>.Some(replay)), property);
    }
}
