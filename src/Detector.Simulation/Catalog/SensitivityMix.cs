using Detector.Domain.Events;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Catalog;

/// <summary>How often a tool's resources carry each classification.</summary>
internal readonly record struct SensitivityMix(double Public, double Internal, double Confidential, double Restricted)
{
    public static readonly SensitivityMix InternalOnly = new(0, 1, 0, 0);

    public Sensitivity Draw(Rng rng) => DrawAtLeast(Sensitivity.Public, rng);

    /// <summary>
    /// Draws from the mix restricted to levels at or above <paramref name="floor"/>, so a forced
    /// "sensitive" read stays inside what the tool produces anyway; falls back to the highest level it has.
    /// </summary>
    public Sensitivity DrawAtLeast(Sensitivity floor, Rng rng)
    {
        ReadOnlySpan<double> all = [Public, Internal, Confidential, Restricted];
        Span<double> weights = stackalloc double[4];
        double total = 0;
        for (int i = 0; i < 4; i++)
        {
            weights[i] = i + 1 >= (int)floor ? all[i] : 0;
            total += weights[i];
        }
        if (total <= 0)
            return Highest;
        return (Sensitivity)(rng.PickIndex(weights) + 1);
    }

    public bool Reaches(Sensitivity level) => level switch
    {
        Sensitivity.Restricted => Restricted > 0,
        Sensitivity.Confidential => Confidential > 0 || Restricted > 0,
        _ => true,
    };

    private Sensitivity Highest => Restricted > 0 ? Sensitivity.Restricted
        : Confidential > 0 ? Sensitivity.Confidential
        : Internal > 0 ? Sensitivity.Internal
        : Sensitivity.Public;
}
