using Detector.Domain.Events;
using static System.FormattableString;

namespace Detector.Simulation.Catalog.Roles;

/// <summary>Code review: reads pull requests and files, runs CI, comments; rarely grants repository access.</summary>
internal static class CodeReviewRole
{
    private static readonly IReadOnlyList<string> Files =
    [
        "src/app.py", "src/handlers.go", "src/main.ts", "config/settings.yaml", "deploy/values.yaml", "README.md",
        "src/db/migrations.sql", "tests/test_api.py", "Dockerfile", ".github/workflows/ci.yml",
    ];

    private static readonly IReadOnlyList<string> Events = ["APPROVE", "APPROVE", "REQUEST_CHANGES", "COMMENT"];

    public static RoleSpec Build()
    {
        ToolSpec[] tools =
        [
            SharedTools.GithubGetPullRequest(),
            new()
            {
                Name = "github.get_diff", Action = ToolAction.Read, Resource = s => Invariant($"github.com/corp/{s.Repo}/pull/{s.Ticket}/files"),
                Sensitivity = new(0, 0.8, 0.2, 0), Arguments = [ArgSpec.Text("repo", s => s.Repo), ArgSpec.Number("number", s => s.Ticket)],
                LatencyMs = 420, BytesOut = 250,
            },
            new()
            {
                Name = "github.get_file", Action = ToolAction.Read, Resource = s => Invariant($"github.com/corp/{s.Repo}/blob/main/{s.Pick(Files)}"),
                Sensitivity = new(0.1, 0.6, 0.3, 0), Arguments = [ArgSpec.Text("repo", s => s.Repo), ArgSpec.Text("ref", _ => "main")],
                LatencyMs = 200, BytesOut = 220,
            },
            SharedTools.CiRunTests(),
            new()
            {
                Name = "github.comment", Action = ToolAction.Write, Resource = s => Invariant($"github.com/corp/{s.Repo}/pull/{s.Ticket}"),
                Arguments = [ArgSpec.Text("body", s => s.Words(4, 12))], LatencyMs = 300, BytesOut = 1_400,
            },
            new()
            {
                Name = "github.approve", Action = ToolAction.Write, Resource = s => Invariant($"github.com/corp/{s.Repo}/pull/{s.Ticket}"),
                Arguments = [ArgSpec.Text("event", s => s.Pick(Events))], LatencyMs = 280, BytesOut = 300,
            },
            SharedTools.GithubAddCollaborator(),
            SharedTools.SlackPost(),
            SharedTools.HttpPost(),
            SharedTools.Delegate(),
        ];
        return new RoleSpec
        {
            Name = "code_review",
            Aliases = ["review", "reviewer", "codebot", "pr-helper", "assist"],
            Namespaces = ["eng", "devtools", "platform"],
            Tools = tools,
            Workflows =
            [
                new WorkflowBuilder(tools, "review_pr", WorkflowUse.Routine, 8, s => Invariant($"review pull request #{s.Ticket} in {s.Repo}"))
                    .Start("github.get_pull_request")
                    .Link("github.get_pull_request", ("github.get_diff", 6), ("github.get_file", 2))
                    .Link("github.get_diff", ("github.get_file", 3), ("ci.run_tests", 2), ("github.comment", 3))
                    .Link("github.get_file", ("github.get_file", 2), ("github.comment", 2), ("github.get_diff", 1))
                    .Link("ci.run_tests", ("github.comment", 3), ("github.approve", 2))
                    .Link("github.comment", ("github.approve", 2), ("github.get_diff", 1), ("slack.post_message", 1))
                    .Link("github.approve", ("slack.post_message", 1), ("http.post", 0.5))
                    .End("github.approve", 5).End("github.comment", 2).End("slack.post_message", 3).End("http.post", 3)
                    .Build(),
                new WorkflowBuilder(tools, "ci_failure", WorkflowUse.Routine, 2, s => Invariant($"investigate failing build on {s.Repo}"))
                    .Start("ci.run_tests")
                    .Link("ci.run_tests", ("github.get_file", 3), ("github.comment", 1))
                    .Link("github.get_file", ("github.get_file", 1), ("ci.run_tests", 2), ("github.comment", 1))
                    .Link("github.comment", ("http.post", 1))
                    .End("github.comment", 2).End("http.post", 3).End("ci.run_tests", 1)
                    .Build(),
                new WorkflowBuilder(tools, "onboard_contributor", WorkflowUse.Routine, 0.25, s => Invariant($"give {s.User} access to {s.Repo}"))
                    .Start("github.get_pull_request")
                    .Link("github.get_pull_request", ("github.add_collaborator", 1))
                    .Link("github.add_collaborator", ("github.comment", 1))
                    .End("github.comment", 1)
                    .Build(),
            ],
            RolloutTool = new()
            {
                Name = "sast.scan", Action = ToolAction.Execute, Resource = s => Invariant($"github.com/corp/{s.Repo}/pull/{s.Ticket}"),
                Arguments = [ArgSpec.Text("repo", s => s.Repo)], LatencyMs = 6_000, BytesOut = 300,
            },
            Vocabulary =
            [
                "nit", "rename", "variable", "test", "coverage", "missing", "null", "check", "refactor", "function", "handler", "lint",
                "flaky", "timeout", "dependency", "bump", "version", "typo", "docstring", "edge", "case", "retry", "logic", "cache",
                "config", "migration", "index", "query", "looks", "good", "approve", "change", "request", "split", "commit",
            ],
            FleetShare = 0.16,
            Activity = new(0.9, 0.1, 0),
            DelegationRate = 0.05,
            DelegatesTo = [new("deployer", "preview_deploy", 1)],
        };
    }
}
