using Detector.Domain.Events;
using Detector.Simulation.Sessions;
using static System.FormattableString;

namespace Detector.Simulation.Catalog;

/// <summary>
/// Tools several roles use. One factory per tool keeps name, action, destination kind and argument
/// schema identical across roles; callers supply only what differs (resource pattern, mix, rates).
/// </summary>
internal static class SharedTools
{
    public static readonly IReadOnlyList<string> Policies =
    [
        "ReadOnlyAccess", "S3ReadOnly", "S3FullAccess", "DynamoDBWrite", "SecretsReader", "KMSDecrypt", "SQSSendMessage",
        "CloudWatchLogsWrite", "ECRPush", "PowerUserAccess", "IAMFullAccess", "AdministratorAccess",
    ];

    private static readonly IReadOnlyList<string> PolicyActions =
        ["s3:GetObject", "s3:PutObject", "s3:*", "kms:Decrypt", "sts:AssumeRole", "dynamodb:PutItem", "iam:PassRole", "sqs:SendMessage", "*"];

    private static readonly IReadOnlyList<string> HookEvents =
        ["incident.updated", "build.finished", "deploy.completed", "export.ready", "sync.requested", "status.changed"];

    private static readonly IReadOnlyList<string> Permissions = ["read", "triage", "write", "maintain", "admin"];

    private static readonly IReadOnlyList<string> Currencies = ["EUR", "EUR", "USD", "GBP"];

    private static readonly IReadOnlyList<string> ContentTypes = ["application/parquet", "text/csv"];

    public static ToolSpec SlackPost() => new()
    {
        Name = "slack.post_message",
        Action = ToolAction.Transfer,
        Destination = DestinationKind.Channel,
        Sensitivity = new(0.05, 0.8, 0.15, 0),
        Arguments = [ArgSpec.Text("channel", s => s.Destination), ArgSpec.Text("text", s => s.Words(3, 9))],
        LatencyMs = 180,
        BytesOut = 700,
        BytesSigma = 0.6,
    };

    public static ToolSpec HttpPost(double approvalRate = 0.01) => new()
    {
        Name = "http.post",
        Action = ToolAction.Transfer,
        Destination = DestinationKind.Webhook,
        Sensitivity = new(0, 0.75, 0.25, 0),
        Arguments = [ArgSpec.Text("url", s => s.Destination), ArgSpec.Text("event", s => s.Pick(HookEvents))],
        LatencyMs = 250,
        BytesOut = 3_000,
        BytesSigma = 1.1,
        ApprovalRate = approvalRate,
    };

    public static ToolSpec EmailSend(double freshDestinationRate, double approvalRate = 0.01) => new()
    {
        Name = "email.send",
        Action = ToolAction.Transfer,
        Destination = DestinationKind.Email,
        Sensitivity = new(0, 0.55, 0.4, 0.05),
        FreshDestinationRate = freshDestinationRate,
        Arguments = [ArgSpec.Text("to", s => s.Destination), ArgSpec.Text("subject", s => s.Words(2, 6))],
        LatencyMs = 400,
        BytesOut = 25_000,
        BytesSigma = 1.3,
        ApprovalRate = approvalRate,
    };

    public static ToolSpec SftpUpload() => new()
    {
        Name = "sftp.upload",
        Action = ToolAction.Transfer,
        Destination = DestinationKind.Host,
        Resource = s => Invariant($"s3://corp-data/{s.Tenant}/exports/{s.Dataset}/{s.FreshId()}.csv.gz"),
        TenantScoped = true,
        Sensitivity = new(0, 0.2, 0.6, 0.2),
        Arguments = [ArgSpec.Text("host", s => s.Destination), ArgSpec.Text("path", s => Invariant($"/inbound/{s.Date}/{s.Rng.Hex(8)}.csv.gz"))],
        LatencyMs = 2_500,
        BytesOut = 4_000_000,
        BytesSigma = 1.4,
        ApprovalRate = 0.05,
    };

    public static ToolSpec PaymentsTransfer(double approvalRate) => new()
    {
        Name = "payments.transfer",
        Action = ToolAction.Transfer,
        Destination = DestinationKind.Account,
        Resource = s => Invariant($"payments/{s.Tenant}/batches/{s.Ticket}"),
        TenantScoped = true,
        Sensitivity = new(0, 0, 0.7, 0.3),
        Arguments =
        [
            ArgSpec.Text("account", s => s.Destination),
            ArgSpec.Number("amount", s => Math.Round(s.Rng.LogNormal(2_400, 1.1), 2)),
            ArgSpec.Text("currency", s => s.Pick(Currencies)),
            ArgSpec.Text("reference", s => Invariant($"INV-{s.FreshId()}")),
        ],
        LatencyMs = 900,
        BytesOut = 900,
        BytesSigma = 0.2,
        ApprovalRate = approvalRate,
    };

    public static ToolSpec Delegate() => new()
    {
        Name = "agents.delegate",
        Action = ToolAction.Execute,
        Destination = DestinationKind.Agent,
        Arguments = [ArgSpec.Text("task", s => s.Words(4, 9))],
        LatencyMs = 60,
        BytesOut = 1_200,
    };

    public static ToolSpec KbSearch() => new()
    {
        Name = "kb.search",
        Action = ToolAction.Read,
        Resource = s => Invariant($"confluence/{s.Space}/pages/{s.FreshId()}"),
        Sensitivity = new(0.3, 0.7, 0, 0),
        Arguments = [ArgSpec.Text("query", s => s.Words(2, 6))],
        LatencyMs = 220,
        BytesOut = 300,
    };

    public static ToolSpec TicketsComment(string project) => new()
    {
        Name = "tickets.comment",
        Action = ToolAction.Write,
        Resource = s => Invariant($"jira/{project}-{s.Ticket}"),
        Arguments = [ArgSpec.Text("body", s => s.Words(4, 12))],
        LatencyMs = 200,
        BytesOut = 1_100,
    };

    public static ToolSpec GithubGetPullRequest() => new()
    {
        Name = "github.get_pull_request",
        Action = ToolAction.Read,
        Resource = s => Invariant($"github.com/corp/{s.Repo}/pull/{s.Ticket}"),
        Arguments = [ArgSpec.Text("repo", s => s.Repo), ArgSpec.Number("number", s => s.Ticket)],
        LatencyMs = 260,
        BytesOut = 250,
    };

    public static ToolSpec CiRunTests() => new()
    {
        Name = "ci.run_tests",
        Action = ToolAction.Execute,
        Resource = s => Invariant($"ci/{s.Repo}/builds/{s.FreshId()}"),
        Arguments = [ArgSpec.Text("repo", s => s.Repo), ArgSpec.Text("ref", s => Invariant($"pull/{s.Ticket}/head"))],
        LatencyMs = 4_000,
        BytesOut = 400,
        ErrorRate = 0.04,
    };

    public static ToolSpec S3Put(Func<StepScope, string> resource, SensitivityMix mix) => new()
    {
        Name = "s3.put_object",
        Action = ToolAction.Write,
        Resource = resource,
        TenantScoped = true,
        Sensitivity = mix,
        Arguments = [ArgSpec.Text("bucket", _ => "corp-data"), ArgSpec.Text("content_type", s => s.Pick(ContentTypes))],
        LatencyMs = 350,
        BytesOut = 600_000,
        BytesSigma = 1.2,
    };

    public static ToolSpec S3Get(Func<StepScope, string> resource, SensitivityMix mix) => new()
    {
        Name = "s3.get_object",
        Action = ToolAction.Read,
        Resource = resource,
        TenantScoped = true,
        Sensitivity = mix,
        Arguments = [ArgSpec.Text("bucket", _ => "corp-data")],
        LatencyMs = 180,
        BytesOut = 350,
    };

    public static ToolSpec IamAttachRolePolicy() => new()
    {
        Name = "iam.attach_role_policy",
        Action = ToolAction.Privilege,
        Resource = s => Invariant($"arn:aws:iam::{s.CloudAccount}:role/{s.Principal}"),
        Sensitivity = new(0, 0, 0.4, 0.6),
        Arguments = [ArgSpec.Text("policy", s => s.Pick(Policies))],
        LatencyMs = 320,
        BytesOut = 500,
        ApprovalRate = 0.3,
    };

    public static ToolSpec IamPutRolePolicy() => new()
    {
        Name = "iam.put_role_policy",
        Action = ToolAction.Privilege,
        Resource = s => Invariant($"arn:aws:iam::{s.CloudAccount}:role/{s.Principal}"),
        Sensitivity = new(0, 0, 0.4, 0.6),
        Arguments = [ArgSpec.Text("policy_name", s => s.Principal + "-inline"), ArgSpec.Text("action", s => s.Pick(PolicyActions))],
        LatencyMs = 340,
        BytesOut = 900,
        ApprovalRate = 0.3,
    };

    public static ToolSpec IamCreateAccessKey() => new()
    {
        Name = "iam.create_access_key",
        Action = ToolAction.Privilege,
        Resource = s => Invariant($"arn:aws:iam::{s.CloudAccount}:user/{s.Principal}"),
        Sensitivity = new(0, 0, 0, 1),
        Arguments = [ArgSpec.Text("user", s => s.Principal)],
        LatencyMs = 300,
        BytesOut = 300,
        ApprovalRate = 0.3,
    };

    public static ToolSpec IamAddUserToGroup() => new()
    {
        Name = "iam.add_user_to_group",
        Action = ToolAction.Privilege,
        Resource = s => Invariant($"arn:aws:iam::{s.CloudAccount}:group/{s.Group}"),
        Sensitivity = new(0, 0, 0.6, 0.4),
        Arguments = [ArgSpec.Text("user", s => s.User)],
        LatencyMs = 280,
        BytesOut = 300,
        ApprovalRate = 0.4,
    };

    public static ToolSpec GithubAddCollaborator() => new()
    {
        Name = "github.add_collaborator",
        Action = ToolAction.Privilege,
        Resource = s => Invariant($"github.com/corp/{s.Repo}/collaborators/{s.User}"),
        Sensitivity = new(0, 0.3, 0.7, 0),
        Arguments = [ArgSpec.Text("permission", s => s.Pick(Permissions))],
        LatencyMs = 310,
        BytesOut = 250,
        ApprovalRate = 0.3,
    };
}
