using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Detector.Scoring.Statistics;

/// <summary>
/// Spectral residual saliency of the newest point of a window (Ren et al., "Time-Series Anomaly
/// Detection Service at Microsoft", KDD 2019; the SR half of ML.NET's SR-CNN detector).
/// The log-amplitude spectrum of a regular series is locally smooth; subtracting its local average
/// leaves the "innovation", and transforming that back puts weight on the points that break the
/// pattern. It needs no training and no per-agent model, only the window itself.
/// </summary>
/// <remarks>
/// One instance holds the FFT buffers and is shared by every agent a worker owns (not thread-safe);
/// per-agent state is just the window (<see cref="SlidingWindow"/>). The FFT length is a power of two
/// so MathNet runs its in-place radix-2 transform, which does not allocate.
/// </remarks>
public sealed class SpectralResidual
{
    // Amplitudes below this fraction of the largest are rounding noise from the FFT (an exactly
    // periodic or constant window has truly empty bins); their phase is meaningless, so they are dropped.
    private const double RelativeAmplitudeFloor = 1e-12;

    private readonly int _extrapolated;
    private readonly int _amplitudeWindow;
    private readonly int _saliencyWindow;
    private readonly Complex[] _spectrum;
    private readonly double[] _amplitude;
    private readonly double[] _logAmplitude;
    private readonly double[] _averaged;

    /// <param name="fftLength">Points transformed: the window plus the extrapolated points; a power of two.</param>
    /// <param name="extrapolatedPoints">m in the paper: points estimated past the end so the scored point is not at the boundary (paper: 5).</param>
    /// <param name="amplitudeWindow">q in the paper: width of the average filter over the log spectrum, odd (paper: 3).</param>
    /// <param name="saliencyWindow">z in the paper: preceding saliency values the newest is compared with (paper: 21).</param>
    public SpectralResidual(int fftLength = 64, int extrapolatedPoints = 5, int amplitudeWindow = 3, int saliencyWindow = 21)
    {
        Guard.PowerOfTwo(fftLength, nameof(fftLength));
        Guard.InRange(fftLength, 16, 4096, nameof(fftLength));
        Guard.InRange(extrapolatedPoints, 1, fftLength / 4, nameof(extrapolatedPoints));
        Guard.InRange(amplitudeWindow, 1, fftLength - 1, nameof(amplitudeWindow));
        if (amplitudeWindow % 2 == 0)
            Guard.Throw(nameof(amplitudeWindow), "amplitudeWindow must be odd so the filter is centred");
        Guard.InRange(saliencyWindow, 1, fftLength - extrapolatedPoints - 1, nameof(saliencyWindow));
        _extrapolated = extrapolatedPoints;
        _amplitudeWindow = amplitudeWindow;
        _saliencyWindow = saliencyWindow;
        _spectrum = new Complex[fftLength];
        _amplitude = new double[fftLength];
        _logAmplitude = new double[fftLength];
        _averaged = new double[fftLength];
    }

    /// <summary>How many observed points <see cref="Score"/> takes.</summary>
    public int WindowLength => _spectrum.Length - _extrapolated;

    /// <summary>
    /// The newest point's score, (S - S̄) / S̄ with S its saliency and S̄ the mean saliency of the
    /// <c>saliencyWindow</c> points before it (as in the paper). 0 for a flat window; the paper flags
    /// points above a threshold τ tuned on labelled data.
    /// </summary>
    /// <param name="window">Exactly <see cref="WindowLength"/> values, oldest first.</param>
    public double Score(ReadOnlySpan<double> window)
    {
        if (window.Length != WindowLength)
            Guard.Throw(nameof(window), "window must hold exactly WindowLength values");
        int n = window.Length;
        int size = _spectrum.Length;

        // 1. The window, then m copies of an estimate of what follows (the paper's extrapolation): x[j-m+1] + g*m,
        //    g the mean gradient from x[j] to each of the m points before it, so g*m is the sum of those
        //    gradients. As in ML.NET's implementation, j is the point before the newest: the point
        //    being scored must not shape its own continuation, or a spike is extended into a plateau
        //    and stops standing out.
        for (int i = 0; i < n; i++)
            _spectrum[i] = new Complex(window[i], 0);
        int anchor = n - 2;
        double gradients = 0;
        for (int i = 1; i <= _extrapolated; i++)
            gradients += (window[anchor] - window[anchor - i]) / i;
        double estimate = window[anchor - _extrapolated + 1] + gradients;
        for (int i = n; i < size; i++)
            _spectrum[i] = new Complex(estimate, 0);

        // 2. Log amplitude spectrum.
        Fourier.Forward(_spectrum, FourierOptions.NoScaling);
        double maxAmplitude = 0;
        for (int k = 0; k < size; k++)
        {
            _amplitude[k] = _spectrum[k].Magnitude;
            maxAmplitude = Math.Max(maxAmplitude, _amplitude[k]);
        }
        if (maxAmplitude == 0)
            return 0;
        double floor = maxAmplitude * RelativeAmplitudeFloor;
        for (int k = 0; k < size; k++)
            _logAmplitude[k] = Math.Log(Math.Max(_amplitude[k], floor));

        // 3. Average filter h_q over the log spectrum. Centred and circular (the paper leaves the edges
        //    open): a real series has a conjugate-symmetric spectrum, and a centred circular filter keeps
        //    it so, which keeps the reconstruction in step 4 real.
        int half = _amplitudeWindow / 2;
        double sum = 0;
        for (int j = -half; j <= half; j++)
            sum += _logAmplitude[(j + size) % size];
        for (int k = 0; k < size; k++)
        {
            _averaged[k] = sum / _amplitudeWindow;
            sum += _logAmplitude[(k + half + 1) % size] - _logAmplitude[(k - half + size) % size];
        }

        // 4. Spectral residual R = L - h_q*L, put back on the original phases, then inverse FFT: the
        //    saliency map is the magnitude of the result. Scale factors cancel in the score, so no scaling.
        //    Rescaling a bin of amplitude A = e^L to e^(L - h_q*L) is multiplying it by e^(-h_q*L).
        for (int k = 0; k < size; k++)
            _spectrum[k] = _amplitude[k] <= floor ? Complex.Zero : _spectrum[k] * Math.Exp(-_averaged[k]);
        Fourier.Inverse(_spectrum, FourierOptions.NoScaling);

        // 5. Newest observed point against the mean saliency of the z points before it.
        double local = 0;
        for (int i = n - 1 - _saliencyWindow; i < n - 1; i++)
            local += _spectrum[i].Magnitude;
        local /= _saliencyWindow;
        double saliency = _spectrum[n - 1].Magnitude;
        return local > 0 ? (saliency - local) / local : 0;
    }
}
