using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// Billing agents that carry a fresh credential in every session, valid for an hour: read an invoice,
/// update it, read it again. Hundreds of clean credential uses teach the fleet how rare misuse is.
/// </summary>
internal static class CredentialFleet
{
    public static void History(EventScript script, Random random)
    {
        for (int n = 1; n <= Habits.RoleSize; n++)
        {
            string agent = Habits.Agent("billing", n);
            for (int day = 0; day < Habits.HistoryDays; day++)
            {
                for (int hour = 9; hour < 17; hour++)
                    Session(script, agent, day, hour, random.Next(0, 30));
            }
        }
    }

    /// <summary>One billing session with its own credential, or with <paramref name="credential"/> expiring as given.</summary>
    public static void Session(EventScript script, string agent, int day, int hour, int minute, string? credential = null, TimeSpan? expiresIn = null)
    {
        string session = Habits.SessionId(agent, day, hour);
        var steps = new[] { ScriptedStep.Read("read_invoice"), ScriptedStep.Write("update_invoice"), ScriptedStep.Read("read_invoice") }
            .Select(s => s with { CredentialId = credential ?? "cred-" + session, CredentialExpiresIn = expiresIn ?? TimeSpan.FromHours(1) });
        script.Session(agent, session, EventScript.At(day, hour, minute), steps);
    }
}
