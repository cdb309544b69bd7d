using Detector.Domain.Events;
using static System.FormattableString;

namespace Detector.Simulation.Catalog.Roles;

/// <summary>Incident triage: reads alerts, logs and hosts across a few tenants, reports to chat and tickets.</summary>
internal static class TriageRole
{
    private static readonly IReadOnlyList<double> Limits = [100, 200, 500, 1_000];
    private static readonly IReadOnlyList<string> Checks = ["cpu", "disk", "network", "processes", "memory"];
    private static readonly IReadOnlyList<string> Priorities = ["P1", "P2", "P3", "P4"];
    private static readonly IReadOnlyList<string> Formats = ["brief", "timeline", "postmortem"];

    public static RoleSpec Build()
    {
        ToolSpec[] tools =
        [
            new()
            {
                Name = "alerts.get", Action = ToolAction.Read, Resource = s => Invariant($"pagerduty/incidents/{s.Ticket}"),
                Arguments = [ArgSpec.Text("incident", s => Invariant($"INC-{s.Ticket}"))], LatencyMs = 140, BytesOut = 200,
            },
            new()
            {
                Name = "logs.search", Action = ToolAction.Read, Resource = s => Invariant($"logs://{s.Tenant}/{s.Service}/{s.Date}"),
                TenantScoped = true, Sensitivity = new(0, 0.65, 0.35, 0),
                Arguments = [ArgSpec.Text("query", s => s.Words(2, 6)), ArgSpec.Number("limit", s => s.Pick(Limits))],
                LatencyMs = 650, BytesOut = 400,
            },
            new()
            {
                Name = "hosts.inspect", Action = ToolAction.Read, Resource = s => Invariant($"host://{s.Env}-{s.Service}-{s.Rng.Between(1, 12):00}"),
                Sensitivity = new(0, 0.5, 0.5, 0), Arguments = [ArgSpec.Text("check", s => s.Pick(Checks))], LatencyMs = 900, BytesOut = 250,
            },
            SharedTools.KbSearch(),
            new()
            {
                Name = "tickets.create", Action = ToolAction.Write, Resource = s => Invariant($"jira/SEC-{s.Ticket}"),
                Arguments = [ArgSpec.Text("summary", s => s.Words(4, 10)), ArgSpec.Text("priority", s => s.Pick(Priorities))],
                LatencyMs = 240, BytesOut = 900,
            },
            SharedTools.TicketsComment("SEC"),
            SharedTools.SlackPost(),
            SharedTools.HttpPost(),
            SharedTools.Delegate(),
        ];
        return new RoleSpec
        {
            Name = "triage",
            Aliases = ["triage", "sentinel", "oncall", "ops", "watch"],
            Namespaces = ["secops", "observability", "platform"],
            Tools = tools,
            Workflows =
            [
                new WorkflowBuilder(tools, "triage_incident", WorkflowUse.Routine, 6, s => Invariant($"triage incident INC-{s.Ticket} on {s.Service}"))
                    .Start("alerts.get", 5).Start("logs.search", 1)
                    .Link("alerts.get", ("logs.search", 5), ("hosts.inspect", 2), ("kb.search", 1))
                    .Link("logs.search", ("logs.search", 2), ("hosts.inspect", 1.5), ("kb.search", 1), ("tickets.comment", 2.5), ("slack.post_message", 1.5))
                    .Link("hosts.inspect", ("logs.search", 2), ("hosts.inspect", 0.5), ("tickets.comment", 2.5))
                    .Link("kb.search", ("logs.search", 2), ("tickets.comment", 2))
                    .Link("tickets.comment", ("slack.post_message", 3), ("http.post", 1), ("logs.search", 1))
                    .Link("slack.post_message", ("logs.search", 1))
                    .Link("http.post", ("slack.post_message", 1))
                    .End("slack.post_message", 6).End("http.post", 5).End("tickets.comment", 1.5).End("logs.search", 0.5)
                    .Build(),
                new WorkflowBuilder(tools, "daily_digest", WorkflowUse.Routine, 2, s => Invariant($"compile daily security digest for {s.Service}"))
                    .Start("logs.search")
                    .Link("logs.search", ("logs.search", 4), ("tickets.create", 2), ("slack.post_message", 2))
                    .Link("tickets.create", ("logs.search", 1), ("slack.post_message", 2))
                    .Link("slack.post_message", ("logs.search", 1))
                    .End("slack.post_message", 4).End("tickets.create", 1)
                    .Build(),
                new WorkflowBuilder(tools, "stale_alerts", WorkflowUse.Routine, 1.5, s => Invariant($"close stale alerts for {s.Service}"))
                    .Start("alerts.get")
                    .Link("alerts.get", ("tickets.comment", 3), ("logs.search", 1))
                    .Link("logs.search", ("tickets.comment", 1))
                    .Link("tickets.comment", ("alerts.get", 2))
                    .End("tickets.comment", 2)
                    .Build(),
            ],
            RolloutTool = new()
            {
                Name = "incidents.summarize", Action = ToolAction.Read, Resource = s => Invariant($"pagerduty/incidents/{s.Ticket}"),
                Arguments = [ArgSpec.Text("format", s => s.Pick(Formats))], LatencyMs = 1_800, BytesOut = 300,
            },
            Vocabulary =
            [
                "alert", "spike", "latency", "timeout", "error", "rate", "host", "pod", "restart", "deploy", "rollback", "ssl", "cert",
                "expired", "disk", "full", "memory", "leak", "dns", "failover", "queue", "backlog", "login", "failed", "brute", "force",
                "scan", "blocked", "firewall", "mitigated", "resolved", "customer", "impact", "region", "degraded", "paging",
            ],
            FleetShare = 0.15,
            Activity = new(0.6, 0.4, 0),
            MinTenants = 2,
            MaxTenants = 3,
            DelegationRate = 0.07,
            DelegatesTo = [new("data_pipeline", "incident_extract", 3), new("deployer", "incident_rollback", 1)],
        };
    }
}
