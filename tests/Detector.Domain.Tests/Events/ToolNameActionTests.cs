using Detector.Domain.Events;
using Xunit;

namespace Detector.Domain.Tests.Events;

public sealed class ToolNameActionTests
{
    [Theory]
    [InlineData("crm.get_contact", ToolAction.Read)]
    [InlineData("listBuckets", ToolAction.Read)]
    [InlineData("k8s.rollout_status", ToolAction.Read)]
    [InlineData("iam.list_roles", ToolAction.Read)]
    [InlineData("docs-update-page", ToolAction.Write)]
    [InlineData("s3.put_object", ToolAction.Write)]
    [InlineData("jira.create", ToolAction.Write)]
    [InlineData("jobs.run", ToolAction.Execute)]
    [InlineData("deployService", ToolAction.Execute)]
    [InlineData("email.send", ToolAction.Transfer)]
    [InlineData("slack.post_message", ToolAction.Transfer)]
    [InlineData("drive/share_file", ToolAction.Transfer)]
    [InlineData("iam.add_user_to_group", ToolAction.Privilege)]
    [InlineData("github.add_collaborator", ToolAction.Privilege)]
    [InlineData("iam.create_access_key", ToolAction.Privilege)]
    [InlineData("okta.grantAdmin", ToolAction.Privilege)]
    [InlineData("sts.assume_role", ToolAction.Privilege)]
    [InlineData("stripe.create_refund", ToolAction.Transfer)]
    [InlineData("bank.initiatePayment", ToolAction.Transfer)]
    [InlineData("read_file", ToolAction.Read)]
    [InlineData("execute_command", ToolAction.Execute)]
    public void The_verb_of_a_tool_name_gives_its_action(string tool, ToolAction expected)
    {
        Assert.Equal(expected, ToolNameAction.Of(tool));
    }

    [Theory]
    [InlineData("weather")]
    [InlineData("calculator.sum")]
    [InlineData("")]
    [InlineData("...")]
    public void A_name_without_a_known_verb_stays_unknown(string tool)
    {
        Assert.Equal(ToolAction.Unknown, ToolNameAction.Of(tool));
    }

    [Fact]
    public void The_catalog_remembers_what_it_inferred_and_its_entries_are_not_inferred()
    {
        var catalog = new ToolCatalog(new Dictionary<string, ToolCatalogEntry> { ["iam.add_user_to_group"] = new(ToolAction.Write) });
        Assert.Equal(ToolAction.Transfer, catalog.InferredAction("email.send"));
        Assert.Equal(ToolAction.Transfer, catalog.InferredAction("email.send"));
        Assert.True(catalog.TryGet("iam.add_user_to_group", out var entry));
        Assert.Equal(ToolAction.Write, entry.Action);
    }
}
