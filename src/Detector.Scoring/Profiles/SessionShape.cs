namespace Detector.Scoring.Profiles;

/// <summary>
/// What an agent's sessions usually look like once finished: how many steps, sensitive reads,
/// transfers, privilege actions and failures, the fastest minute, and the longest runs of sensitive
/// reads and of privilege actions. Folded in when a session ends
/// (the agent moves on to another session, or the session is evicted); sessions that alerted at
/// medium or above are not folded in, so an attack does not widen the norm.
/// </summary>
public sealed class SessionShape
{
    public LogStats Steps;
    public LogStats SensitiveReads;

    /// <summary>The longest run of sensitive reads in a session, and of privilege actions.</summary>
    public LogStats SensitiveRuns;
    public LogStats PrivilegeRuns;
    public LogStats Transfers;
    public LogStats PrivilegeActions;
    public LogStats Failures;
    public LogStats PeakPerMinute;

    /// <summary>Decayed share of steps that failed or were denied.</summary>
    public NoveltyRate FailureRate;

    public void Fold(SessionState session)
    {
        var c = session.Chain;
        Steps.Observe(session.Steps);
        SensitiveReads.Observe(c.SensitiveReads);
        Transfers.Observe(c.Transfers);
        PrivilegeActions.Observe(c.PrivilegeActions);
        Failures.Observe(c.Errors);
        PeakPerMinute.Observe(c.PeakPerMinute);
        SensitiveRuns.Observe(c.MaxSensitiveRun);
        PrivilegeRuns.Observe(c.MaxPrivilegeRun);
    }

    public void Write(BinaryWriter w)
    {
        Steps.Write(w);
        SensitiveReads.Write(w);
        Transfers.Write(w);
        PrivilegeActions.Write(w);
        Failures.Write(w);
        PeakPerMinute.Write(w);
        FailureRate.Write(w);
        SensitiveRuns.Write(w);
        PrivilegeRuns.Write(w);
    }

    public static SessionShape Read(BinaryReader r) => new()
    {
        Steps = LogStats.Read(r),
        SensitiveReads = LogStats.Read(r),
        Transfers = LogStats.Read(r),
        PrivilegeActions = LogStats.Read(r),
        Failures = LogStats.Read(r),
        PeakPerMinute = LogStats.Read(r),
        FailureRate = NoveltyRate.Read(r),
        SensitiveRuns = LogStats.Read(r),
        PrivilegeRuns = LogStats.Read(r),
    };
}
