using Detector.Domain.Time;

namespace Detector.Scoring.Profiles;

/// <summary>What the multi-step detectors remember about a session's progress.</summary>
public sealed class ChainState
{
    /// <summary>Successful reads of confidential or restricted data so far, and the latest one (a failed read returned nothing).</summary>
    public int SensitiveReads { get; set; }

    /// <summary>Sensitive reads in a row now, and the longest such run of the session.</summary>
    public int SensitiveRun { get; set; }
    public int MaxSensitiveRun { get; set; }

    /// <summary>The longest run of privilege actions of the session.</summary>
    public int MaxPrivilegeRun { get; set; }
    public int LastSensitiveReadStep { get; set; } = -1;

    /// <summary>Privilege actions so far and how many of them in a row (ignoring reads).</summary>
    public int PrivilegeActions { get; set; }
    public int PrivilegeRun { get; set; }

    /// <summary>Ordinary (non-privilege) steps before the first privilege action.</summary>
    public int OrdinaryStepsBeforePrivilege { get; set; }

    public int Transfers { get; set; }

    /// <summary>Steps in tenants the agent had not established.</summary>
    public int ForeignTenantSteps { get; set; }

    /// <summary>The session's own steps per tenant (those its agent's baseline learned).</summary>
    public SessionTenantUses TenantUses { get; } = new();

    /// <summary>
    /// Failed calls, a retry counted with the call it retries: an error repeating the failed call just
    /// before it (same tool and resource) is one outage seen again, not another failure. Denials are
    /// each counted, since asking again for what was refused is itself the signal.
    /// </summary>
    public int Errors { get; set; }

    /// <summary>Identity of the previous step's call when it failed with an error, else 0.</summary>
    public ulong LastFailedCall { get; set; }

    /// <summary>Steps in the current one-minute window, and the most any minute of the session held.</summary>
    public EventTime WindowStart { get; set; }
    public int WindowSteps { get; set; }
    public int PeakPerMinute { get; set; }

    /// <summary>Largest transfer so far (bytes).</summary>
    public long LargestTransfer { get; set; }

    /// <summary>Steps of the session before the current one with this action, where the session counts it (privilege, transfer).</summary>
    public int EarlierSteps(Domain.Events.ToolAction action) => action switch
    {
        Domain.Events.ToolAction.Privilege => Math.Max(0, PrivilegeActions - 1),
        Domain.Events.ToolAction.Transfer => Math.Max(0, Transfers - 1),
        _ => 0,
    };

    /// <summary>Counts the event into the session's running totals (before the detectors look at it).</summary>
    public void Count(Domain.Events.ToolEvent e, int step)
    {
        switch (e.Action)
        {
            case Domain.Events.ToolAction.Read when e.Sensitivity >= Domain.Events.Sensitivity.Confidential && e.Outcome == Domain.Events.Outcome.Success:
                SensitiveReads++;
                SensitiveRun++;
                MaxSensitiveRun = Math.Max(MaxSensitiveRun, SensitiveRun);
                LastSensitiveReadStep = step;
                break;
            case Domain.Events.ToolAction.Privilege:
                if (PrivilegeActions == 0)
                    OrdinaryStepsBeforePrivilege = step - 1;
                PrivilegeActions++;
                PrivilegeRun++;
                MaxPrivilegeRun = Math.Max(MaxPrivilegeRun, PrivilegeRun);
                break;
            case Domain.Events.ToolAction.Transfer:
                Transfers++;
                LargestTransfer = Math.Max(LargestTransfer, e.BytesOut ?? 0);
                break;
        }
        if (e.Action is not (Domain.Events.ToolAction.Privilege or Domain.Events.ToolAction.Read))
            PrivilegeRun = 0;
        if (e.Action != Domain.Events.ToolAction.Read || e.Sensitivity < Domain.Events.Sensitivity.Confidential)
            SensitiveRun = 0;
        CountFailure(e);
        CountMinute(e.Time);
    }

    private void CountFailure(Domain.Events.ToolEvent e)
    {
        ulong call = 0;
        if (e.Outcome == Domain.Events.Outcome.Error)
            call = Domain.Ingest.StableHash.Combine(Keys.Of(e.Tool), e.ResourceField.Hash()) | 1;
        if (e.Outcome != Domain.Events.Outcome.Success && (call == 0 || call != LastFailedCall))
            Errors++;
        LastFailedCall = call;
    }

    /// <summary>Counts the step into its one-minute window (tumbling windows from the first step in each).</summary>
    public void CountMinute(EventTime time)
    {
        if (WindowSteps == 0 || time - WindowStart >= TimeSpan.FromMinutes(1) || time < WindowStart)
        {
            WindowStart = time;
            WindowSteps = 0;
        }
        WindowSteps++;
        PeakPerMinute = Math.Max(PeakPerMinute, WindowSteps);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(SensitiveReads);
        w.Write(LastSensitiveReadStep);
        w.Write(PrivilegeActions);
        w.Write(PrivilegeRun);
        w.Write(OrdinaryStepsBeforePrivilege);
        w.Write(Transfers);
        w.Write(ForeignTenantSteps);
        w.Write(Errors);
        w.Write(WindowStart.UtcTicks);
        w.Write(WindowSteps);
        w.Write(PeakPerMinute);
        w.Write(LargestTransfer);
        w.Write(SensitiveRun);
        w.Write(MaxSensitiveRun);
        w.Write(MaxPrivilegeRun);
        TenantUses.Write(w);
        w.Write(LastFailedCall);
    }

    /// <param name="withLastFailedCall">False for session state of format 4, written before retries were told apart.</param>
    public void Read(BinaryReader r, bool withLastFailedCall)
    {
        SensitiveReads = r.ReadInt32();
        LastSensitiveReadStep = r.ReadInt32();
        PrivilegeActions = r.ReadInt32();
        PrivilegeRun = r.ReadInt32();
        OrdinaryStepsBeforePrivilege = r.ReadInt32();
        Transfers = r.ReadInt32();
        ForeignTenantSteps = r.ReadInt32();
        Errors = r.ReadInt32();
        WindowStart = new EventTime(r.ReadInt64());
        WindowSteps = r.ReadInt32();
        PeakPerMinute = r.ReadInt32();
        LargestTransfer = r.ReadInt64();
        SensitiveRun = r.ReadInt32();
        MaxSensitiveRun = r.ReadInt32();
        MaxPrivilegeRun = r.ReadInt32();
        TenantUses.Read(r);
        LastFailedCall = withLastFailedCall ? r.ReadUInt64() : 0;
    }
}
