using FsCheck;
using Microsoft.FSharp.Core;

namespace Detector.Pipeline.Tests.Support;

/// <summary>FsCheck's QuickThrowOnFailure with a fixed seed, so a property test repeats exactly like every other test.</summary>
internal static class SeededProperty
{
    public static void Verify(Property property, int maxTest = 100, ulong seed = 20_260_105)
    {
        var replay = new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithReplay(FSharpOption<Replay>.Some(replay)), property);
    }
}
