using Detector.Simulation.Randomness;

namespace Detector.Simulation.Naming;

/// <summary>Human names for sponsors, directory users and mail recipients.</summary>
internal static class PeopleForge
{
    private static readonly string[] First =
    [
        "ana", "ben", "chen", "dara", "eli", "farah", "gus", "hana", "ivan", "jo", "kemal", "lena", "mara", "nico", "omar",
        "priya", "quinn", "rosa", "sam", "tariq", "uma", "vera", "wei", "yusuf", "zoe", "arjun", "bea", "carlos", "dmitri",
        "emma", "felix", "grace", "hugo", "ines", "jonas", "kira", "liam", "maya", "noor", "oskar",
    ];

    private static readonly string[] Last =
    [
        "okafor", "nguyen", "schmidt", "rossi", "kowalski", "haddad", "silva", "tanaka", "berg", "moreau", "patel", "garcia",
        "novak", "fischer", "larsen", "costa", "ibrahim", "kim", "murphy", "weber", "dubois", "sato", "jansen", "mendes",
        "ali", "walsh", "kaya", "lindqvist", "romero", "horvat", "adeyemi", "chopra", "petrov", "bianchi", "yilmaz", "park",
    ];

    /// <summary>first.last, lower case.</summary>
    public static string Person(Rng rng) => rng.Pick(First) + "." + rng.Pick(Last);
}
