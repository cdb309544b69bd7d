using System.IO.Compression;
using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Scoring.Profiles;
using Xunit;

namespace Detector.Scoring.Tests.Profiles;

public sealed class ChainStateTests
{
    // A session written in format 4 (before the chain kept the last failed call), zlib-compressed: agent
    // spiffe://corp.example/agent/v4, session ses-v4, 9 steps, 3 sensitive reads, 2 failures, 1 transfer.
    private const string Format4 = "eNpjkSsuyExLS7XS10/OLyrQS61IzC3ISdVPTE/NK9EvM2ErTi3WLTNhYPix5YTHPQ4YzckABcxA/B8IGJAAI5RmYiAOsKPpIwQ4GIkXHcSAmOABAIaoGLA=";

    [Fact]
    public void A_retry_of_the_failed_call_just_before_it_is_the_same_failure()
    {
        var chain = Run(
            Step("crm.lookup", "crm/customers/1", Outcome.Error),
            Step("crm.lookup", "crm/customers/1", Outcome.Error),
            Step("crm.lookup", "crm/customers/1", Outcome.Error),
            Step("crm.lookup", "crm/customers/1", Outcome.Success));

        Assert.Equal(1, chain.Errors);
    }

    [Fact]
    public void Failures_of_different_calls_or_after_a_success_each_count()
    {
        var chain = Run(
            Step("crm.lookup", "crm/customers/1", Outcome.Error),
            Step("crm.lookup", "crm/customers/2", Outcome.Error),
            Step("mail.send", "crm/customers/2", Outcome.Error),
            Step("crm.lookup", "crm/customers/3", Outcome.Success),
            Step("crm.lookup", "crm/customers/3", Outcome.Error));

        Assert.Equal(4, chain.Errors);
    }

    [Fact]
    public void Repeated_denials_each_count()
    {
        var chain = Run(
            Step("iam.grant", "iam/roles/admin", Outcome.Denied),
            Step("iam.grant", "iam/roles/admin", Outcome.Denied),
            Step("iam.grant", "iam/roles/admin", Outcome.Denied));

        Assert.Equal(3, chain.Errors);
    }

    [Fact]
    public void A_failed_sensitive_read_gathers_nothing_and_does_not_break_a_run_of_reads()
    {
        var chain = Run(
            Read(Outcome.Success),
            Read(Outcome.Error),
            Read(Outcome.Success),
            Read(Outcome.Denied),
            Read(Outcome.Success));

        Assert.Equal((3, 3), (chain.SensitiveReads, chain.MaxSensitiveRun));
    }

    [Fact]
    public void A_session_written_in_format_4_reads_with_no_failed_call_remembered()
    {
        var session = SessionState.Read(new BinaryReader(new ZLibStream(new MemoryStream(Convert.FromBase64String(Format4)), CompressionMode.Decompress)));

        Assert.Equal(new SessionKey(new AgentId("spiffe://corp.example/agent/v4"), new SessionId("ses-v4")), session.Key);
        Assert.Equal((9, 3, 2, 1), (session.Steps, session.Chain.SensitiveReads, session.Chain.Errors, session.Chain.Transfers));
        Assert.Equal(0ul, session.Chain.LastFailedCall);
    }

    [Fact]
    public void The_last_failed_call_survives_a_round_trip_so_a_retry_after_restart_is_still_one_failure()
    {
        var session = new SessionState(new SessionKey(new AgentId("spiffe://corp.example/agent/a"), new SessionId("s")), default);
        var failed = Step("crm.lookup", "crm/customers/1", Outcome.Error);
        session.Chain.Count(failed, 1);
        var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            session.Write(w);
        bytes.Position = 0;

        var copy = SessionState.Read(new BinaryReader(bytes));
        copy.Chain.Count(failed, 2);

        Assert.NotEqual(0ul, copy.Chain.LastFailedCall);
        Assert.Equal(1, copy.Chain.Errors);
    }

    private static ChainState Run(params ToolEvent[] steps)
    {
        var chain = new ChainState();
        for (int i = 0; i < steps.Length; i++)
            chain.Count(steps[i], i + 1);
        return chain;
    }

    private static ToolEvent Read(Outcome outcome) => Step("crm.lookup", "crm/customers/1", outcome, ToolAction.Read, Sensitivity.Restricted);

    private static ToolEvent Step(string tool, string resource, Outcome outcome, ToolAction action = ToolAction.Read, Sensitivity sensitivity = Sensitivity.Internal) =>
        new() { Tool = tool, Resource = resource, Outcome = outcome, Action = action, Sensitivity = sensitivity };
}
