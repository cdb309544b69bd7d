using Detector.Scoring.Rules;

namespace Detector.Scoring.Tests.Rules;

/// <summary>
/// Exhaustive matching for checking the streaming matcher: element k of a rule's unrolled pattern
/// can end at step s if s matches it and some earlier step ended element k-1 within the gap limit.
/// O(length x steps^2), fine for test sessions.
/// </summary>
internal static class ReferenceMatcher
{
    /// <summary>The first step at which elements 0..<paramref name="elements"/>-1 can all have matched, or 0 if none.</summary>
    public static int FirstStepMatching(PolicyRule rule, IReadOnlyList<StepFacts> session, int elements)
    {
        int n = session.Count;
        var canEnd = new bool[elements, n + 1];
        for (int k = 0; k < elements; k++)
        {
            var expected = rule.Expected(k);
            int gap = rule.GapLimit(k);
            for (int s = 1; s <= n; s++)
            {
                if (!expected.Matches(FactBits.Of(session[s - 1]), session[s - 1].Tool, s))
                    continue;
                if (k == 0)
                {
                    canEnd[k, s] = true;
                    continue;
                }
                for (int prev = s - 1; prev >= 1 && (gap == 0 || s - prev <= gap); prev--)
                {
                    if (canEnd[k - 1, prev])
                    {
                        canEnd[k, s] = true;
                        break;
                    }
                }
            }
        }
        for (int s = 1; s <= n; s++)
        {
            if (canEnd[elements - 1, s])
                return s;
        }
        return 0;
    }
}
