using Detector.Domain.Events;
using static System.FormattableString;

namespace Detector.Simulation.Catalog.Roles;

/// <summary>Deployment: builds, publishes and rolls out services, and provisions their cloud roles (routine privilege work).</summary>
internal static class DeployerRole
{
    private static readonly IReadOnlyList<string> Clusters = ["eks-eu-1", "eks-us-2", "gke-eu-3"];
    private static readonly IReadOnlyList<string> Secrets = ["db", "api-key", "tls", "oauth-client", "signing-key"];
    private static readonly IReadOnlyList<string> Strategies = ["rolling", "rolling", "canary", "blue-green"];
    private static readonly IReadOnlyList<string> Formats = ["spdx", "cyclonedx"];

    public static RoleSpec Build()
    {
        ToolSpec[] tools =
        [
            SharedTools.GithubGetPullRequest(),
            SharedTools.CiRunTests(),
            new()
            {
                Name = "artifacts.publish", Action = ToolAction.Write, Resource = s => Invariant($"registry.corp.example/{s.Service}:{s.Version}"),
                Arguments = [ArgSpec.Text("service", s => s.Service)], LatencyMs = 3_000, BytesOut = 80_000_000, BytesSigma = 0.6,
            },
            new()
            {
                Name = "k8s.apply", Action = ToolAction.Execute,
                Resource = s => Invariant($"k8s://{s.Pick(Clusters)}/{s.Env}/deployments/{s.Service}"),
                Arguments = [ArgSpec.Text("strategy", s => s.Pick(Strategies))], LatencyMs = 1_200, BytesOut = 6_000, ApprovalRate = 0.25,
            },
            new()
            {
                Name = "k8s.rollout_status", Action = ToolAction.Read,
                Resource = s => Invariant($"k8s://{s.Pick(Clusters)}/{s.Env}/deployments/{s.Service}"),
                LatencyMs = 400, BytesOut = 200,
            },
            new()
            {
                Name = "secrets.read", Action = ToolAction.Read, Resource = s => Invariant($"vault://{s.Env}/{s.Service}/{s.Pick(Secrets)}"),
                Sensitivity = new(0, 0, 0.4, 0.6), LatencyMs = 90, BytesOut = 150,
            },
            SharedTools.IamAttachRolePolicy(),
            SharedTools.IamPutRolePolicy(),
            SharedTools.IamCreateAccessKey(),
            SharedTools.SlackPost(),
            SharedTools.HttpPost(),
        ];
        return new RoleSpec
        {
            Name = "deployer",
            Aliases = ["deploy", "release", "shipit", "cd-runner", "ops"],
            Namespaces = ["platform", "release", "eng"],
            Tools = tools,
            Workflows =
            [
                new WorkflowBuilder(tools, "release", WorkflowUse.Routine, 7, s => Invariant($"deploy {s.Service} to {s.Env}"))
                    .Start("github.get_pull_request", 2).Start("ci.run_tests", 1)
                    .Link("github.get_pull_request", ("ci.run_tests", 1))
                    .Link("ci.run_tests", ("artifacts.publish", 3), ("ci.run_tests", 0.5))
                    .Link("artifacts.publish", ("secrets.read", 2), ("k8s.apply", 2))
                    .Link("secrets.read", ("k8s.apply", 1))
                    .Link("k8s.apply", ("k8s.rollout_status", 1))
                    .Link("k8s.rollout_status", ("k8s.rollout_status", 2), ("slack.post_message", 2), ("http.post", 1), ("k8s.apply", 0.3))
                    .End("slack.post_message", 3).End("http.post", 3).End("k8s.rollout_status", 0.5)
                    .Build(),
                new WorkflowBuilder(tools, "provision_service", WorkflowUse.Routine, 1.5, s => Invariant($"provision runtime role for {s.Service}"))
                    .Start("secrets.read")
                    .Link("secrets.read", ("iam.put_role_policy", 2), ("iam.attach_role_policy", 2))
                    .Link("iam.put_role_policy", ("iam.attach_role_policy", 2), ("iam.create_access_key", 1))
                    .Link("iam.attach_role_policy", ("iam.attach_role_policy", 1), ("iam.create_access_key", 1), ("k8s.apply", 2))
                    .Link("iam.create_access_key", ("k8s.apply", 1))
                    .Link("k8s.apply", ("slack.post_message", 1))
                    .End("slack.post_message", 1).End("k8s.apply", 0.5)
                    .Build(),
                new WorkflowBuilder(tools, "rollback", WorkflowUse.Routine, 1, s => Invariant($"roll back {s.Service} in {s.Env}"))
                    .Start("k8s.rollout_status")
                    .Link("k8s.rollout_status", ("k8s.apply", 2), ("slack.post_message", 1))
                    .Link("k8s.apply", ("k8s.rollout_status", 1))
                    .End("slack.post_message", 2)
                    .Build(),
                new WorkflowBuilder(tools, "preview_deploy", WorkflowUse.Delegated, 1, s => Invariant($"deploy preview of pull request #{s.Ticket}"))
                    .Start("github.get_pull_request")
                    .Link("github.get_pull_request", ("ci.run_tests", 1))
                    .Link("ci.run_tests", ("k8s.apply", 1))
                    .Link("k8s.apply", ("k8s.rollout_status", 1))
                    .Link("k8s.rollout_status", ("k8s.rollout_status", 1))
                    .End("k8s.rollout_status", 2)
                    .Build(),
                new WorkflowBuilder(tools, "incident_rollback", WorkflowUse.Delegated, 1, s => Invariant($"roll back {s.Service} for incident INC-{s.Ticket}"))
                    .Start("k8s.rollout_status")
                    .Link("k8s.rollout_status", ("k8s.apply", 2), ("k8s.rollout_status", 1))
                    .Link("k8s.apply", ("k8s.rollout_status", 1))
                    .End("k8s.rollout_status", 1)
                    .Build(),
            ],
            RolloutTool = new()
            {
                Name = "sbom.generate", Action = ToolAction.Execute, Resource = s => Invariant($"registry.corp.example/{s.Service}:{s.Version}"),
                Arguments = [ArgSpec.Text("format", s => s.Pick(Formats))], LatencyMs = 2_400, BytesOut = 400,
            },
            Vocabulary =
            [
                "deployed", "rollout", "complete", "canary", "healthy", "replicas", "ready", "image", "tag", "promoted", "staging",
                "production", "rollback", "started", "paused", "migration", "applied", "config", "change", "window", "green", "blue",
            ],
            FleetShare = 0.12,
            Activity = new(0.7, 0.3, 0),
            GrantsPrivileges = true,
        };
    }
}
