namespace Detector.Simulation.Randomness;

/// <summary>
/// What a derived random stream is for. Each concern draws from its own stream, so changing one
/// (say, the attack rate) leaves every other stream, and so the benign traffic, as it was.
/// </summary>
internal enum StreamPurpose : ulong
{
    Fleet = 1,
    Schedule = 2,
    Attacks = 3,
    Session = 4,
    Noise = 5,
    Ids = 6,
}
