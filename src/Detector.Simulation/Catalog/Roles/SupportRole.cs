using Detector.Domain.Events;
using static System.FormattableString;

namespace Detector.Simulation.Catalog.Roles;

/// <summary>Customer support: reads tickets, customers and orders across tenants, replies and mails customers (mostly new addresses).</summary>
internal static class SupportRole
{
    private static readonly IReadOnlyList<string> Visibility = ["public", "public", "internal"];
    private static readonly IReadOnlyList<string> Languages = ["de", "fr", "es", "en", "nl", "it"];

    public static RoleSpec Build()
    {
        ToolSpec[] tools =
        [
            new()
            {
                Name = "zendesk.get_ticket", Action = ToolAction.Read, Resource = s => Invariant($"zendesk/{s.Tenant}/tickets/{s.Ticket}"),
                TenantScoped = true, Sensitivity = new(0, 0.3, 0.7, 0), Arguments = [ArgSpec.Number("ticket", s => s.Ticket)],
                LatencyMs = 160, BytesOut = 200,
            },
            new()
            {
                Name = "crm.lookup_customer", Action = ToolAction.Read, Resource = s => Invariant($"crm/{s.Tenant}/customers/{s.FreshId()}"),
                TenantScoped = true, Sensitivity = new(0, 0, 0.8, 0.2), Arguments = [ArgSpec.Text("fields", _ => "profile,plan,billing")],
                LatencyMs = 190, BytesOut = 250,
            },
            new()
            {
                Name = "orders.get", Action = ToolAction.Read, Resource = s => Invariant($"shop/{s.Tenant}/orders/{s.FreshId()}"),
                TenantScoped = true, Sensitivity = new(0, 0.4, 0.6, 0), LatencyMs = 150, BytesOut = 200,
            },
            SharedTools.KbSearch(),
            new()
            {
                Name = "zendesk.reply", Action = ToolAction.Write, Resource = s => Invariant($"zendesk/{s.Tenant}/tickets/{s.Ticket}"),
                TenantScoped = true, Sensitivity = new(0, 0.4, 0.6, 0),
                Arguments = [ArgSpec.Text("body", s => s.Words(5, 14)), ArgSpec.Text("visibility", s => s.Pick(Visibility))],
                LatencyMs = 260, BytesOut = 1_600,
            },
            SharedTools.EmailSend(freshDestinationRate: 0.6),
            SharedTools.Delegate(),
        ];
        return new RoleSpec
        {
            Name = "support",
            Aliases = ["support", "helpdesk", "care", "concierge", "assist"],
            Namespaces = ["cx", "support", "ops"],
            Tools = tools,
            Workflows =
            [
                new WorkflowBuilder(tools, "answer_ticket", WorkflowUse.Routine, 8, s => Invariant($"resolve support ticket {s.Ticket} for {s.Tenant}"))
                    .Start("zendesk.get_ticket")
                    .Link("zendesk.get_ticket", ("crm.lookup_customer", 3), ("orders.get", 2), ("kb.search", 2), ("zendesk.reply", 1))
                    .Link("crm.lookup_customer", ("orders.get", 2), ("kb.search", 1), ("zendesk.reply", 2))
                    .Link("orders.get", ("zendesk.reply", 2), ("kb.search", 1), ("crm.lookup_customer", 1))
                    .Link("kb.search", ("zendesk.reply", 3), ("kb.search", 0.5))
                    .Link("zendesk.reply", ("email.send", 2), ("zendesk.get_ticket", 1))
                    .End("zendesk.reply", 4).End("email.send", 5)
                    .Build(),
                new WorkflowBuilder(tools, "follow_up", WorkflowUse.Routine, 3, s => Invariant($"follow up on open tickets for {s.Tenant}"))
                    .Start("zendesk.get_ticket")
                    .Link("zendesk.get_ticket", ("zendesk.reply", 3), ("crm.lookup_customer", 1))
                    .Link("crm.lookup_customer", ("zendesk.reply", 1))
                    .Link("zendesk.reply", ("zendesk.get_ticket", 2), ("email.send", 1))
                    .Link("email.send", ("zendesk.get_ticket", 1))
                    .End("zendesk.reply", 2).End("email.send", 2)
                    .Build(),
            ],
            RolloutTool = new()
            {
                Name = "translate.text", Action = ToolAction.Execute, Resource = s => Invariant($"zendesk/{s.Tenant}/tickets/{s.Ticket}"),
                TenantScoped = true, Arguments = [ArgSpec.Text("target", s => s.Pick(Languages))], LatencyMs = 700, BytesOut = 1_500,
            },
            Vocabulary =
            [
                "refund", "order", "delivery", "late", "damaged", "invoice", "charge", "duplicate", "subscription", "cancel", "upgrade",
                "password", "reset", "account", "locked", "shipping", "address", "tracking", "return", "label", "thanks", "sorry",
                "apologies", "credit", "voucher", "plan", "billing", "question", "escalate", "resolved",
            ],
            FleetShare = 0.17,
            Activity = new(0.8, 0.2, 0),
            MinTenants = 2,
            MaxTenants = 4,
            DelegationRate = 0.06,
            DelegatesTo = [new("finance", "refund_check", 1)],
        };
    }
}
