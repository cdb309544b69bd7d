using Detector.Domain.Events;
using static System.FormattableString;

namespace Detector.Simulation.Catalog.Roles;

/// <summary>Identity administration: grants, reviews and rotates access on request (routine privilege work).</summary>
internal static class AccessAdminRole
{
    public static RoleSpec Build()
    {
        ToolSpec[] tools =
        [
            SharedTools.TicketsComment("ACC"),
            new()
            {
                Name = "directory.lookup_user", Action = ToolAction.Read, Resource = s => Invariant($"directory/users/{s.User}"),
                Sensitivity = new(0, 0.6, 0.4, 0), LatencyMs = 110, BytesOut = 150,
            },
            new()
            {
                Name = "iam.list_roles", Action = ToolAction.Read, Resource = s => Invariant($"arn:aws:iam::{s.CloudAccount}:role/"),
                LatencyMs = 260, BytesOut = 150,
            },
            SharedTools.IamAddUserToGroup(),
            new()
            {
                Name = "iam.remove_user_from_group", Action = ToolAction.Privilege, Resource = s => Invariant($"arn:aws:iam::{s.CloudAccount}:group/{s.Group}"),
                Sensitivity = new(0, 0, 0.6, 0.4), Arguments = [ArgSpec.Text("user", s => s.User)], LatencyMs = 270, BytesOut = 300,
            },
            SharedTools.IamAttachRolePolicy(),
            SharedTools.IamCreateAccessKey(),
            SharedTools.GithubAddCollaborator(),
            SharedTools.EmailSend(freshDestinationRate: 0.05),
        ];
        return new RoleSpec
        {
            Name = "access_admin",
            Aliases = ["iam", "access", "gatekeeper", "idm", "ops"],
            Namespaces = ["identity", "secops", "platform"],
            Tools = tools,
            Workflows =
            [
                new WorkflowBuilder(tools, "grant_access", WorkflowUse.Routine, 6, s => Invariant($"grant access requested in ticket ACC-{s.Ticket}"))
                    .Start("directory.lookup_user", 3).Start("tickets.comment", 1)
                    .Link("tickets.comment", ("directory.lookup_user", 1), ("email.send", 1))
                    .Link("directory.lookup_user", ("iam.list_roles", 2), ("iam.add_user_to_group", 2), ("github.add_collaborator", 1))
                    .Link("iam.list_roles", ("iam.add_user_to_group", 2), ("iam.attach_role_policy", 1))
                    .Link("iam.add_user_to_group", ("tickets.comment", 2), ("iam.add_user_to_group", 0.5))
                    .Link("iam.attach_role_policy", ("tickets.comment", 1))
                    .Link("github.add_collaborator", ("tickets.comment", 1))
                    .End("tickets.comment", 3).End("email.send", 2)
                    .Build(),
                new WorkflowBuilder(tools, "access_review", WorkflowUse.Routine, 3, s => Invariant($"quarterly access review for {s.Group}"))
                    .Start("directory.lookup_user")
                    .Link("directory.lookup_user", ("directory.lookup_user", 2), ("iam.remove_user_from_group", 1), ("tickets.comment", 1))
                    .Link("iam.remove_user_from_group", ("directory.lookup_user", 2), ("tickets.comment", 1))
                    .End("tickets.comment", 2)
                    .Build(),
                new WorkflowBuilder(tools, "key_rotation", WorkflowUse.Routine, 1, s => Invariant($"rotate access keys for {s.Principal}"))
                    .Start("iam.list_roles")
                    .Link("iam.list_roles", ("iam.create_access_key", 1))
                    .Link("iam.create_access_key", ("tickets.comment", 1), ("email.send", 1))
                    .End("tickets.comment", 1).End("email.send", 1)
                    .Build(),
            ],
            RolloutTool = new()
            {
                Name = "access.certify", Action = ToolAction.Read, Resource = s => Invariant($"directory/users/{s.User}"),
                Sensitivity = new(0, 0.6, 0.4, 0), LatencyMs = 500, BytesOut = 200,
            },
            Vocabulary =
            [
                "access", "granted", "revoked", "group", "role", "policy", "request", "approved", "manager", "least", "privilege",
                "expires", "temporary", "onboarding", "offboarding", "review", "certified", "key", "rotated", "mfa", "sso",
            ],
            FleetShare = 0.10,
            Activity = new(0.9, 0.1, 0),
            GrantsPrivileges = true,
        };
    }
}
