using Detector.Domain.Events;
using static System.FormattableString;

namespace Detector.Simulation.Catalog.Roles;

/// <summary>Finance: reconciles invoices against statements, pays vendors (payment runs in batches), mails remittances.</summary>
internal static class FinanceRole
{
    private static readonly IReadOnlyList<string> Statuses = ["open", "open", "approved", "overdue"];
    private static readonly IReadOnlyList<string> NewStatuses = ["reconciled", "paid", "disputed", "approved"];

    public static RoleSpec Build()
    {
        ToolSpec[] tools =
        [
            new()
            {
                Name = "erp.list_invoices", Action = ToolAction.Read, Resource = s => Invariant($"erp/{s.Tenant}/invoices"),
                TenantScoped = true, Arguments = [ArgSpec.Text("status", s => s.Pick(Statuses))], LatencyMs = 300, BytesOut = 200,
            },
            new()
            {
                Name = "erp.get_invoice", Action = ToolAction.Read, Resource = s => Invariant($"erp/{s.Tenant}/invoices/INV-{s.FreshId()}"),
                TenantScoped = true, Sensitivity = new(0, 0.2, 0.8, 0), LatencyMs = 180, BytesOut = 180,
            },
            new()
            {
                Name = "bank.get_statement", Action = ToolAction.Read,
                Resource = s => Invariant($"bank/{s.Tenant}/accounts/{s.CloudAccount[..4]}/statements/{s.Month}"),
                TenantScoped = true, Sensitivity = new(0, 0, 0.2, 0.8), LatencyMs = 700, BytesOut = 200,
            },
            SharedTools.S3Get(s => Invariant($"s3://corp-data/{s.Tenant}/invoices/INV-{s.FreshId()}.pdf"), new(0, 0.1, 0.9, 0)),
            new()
            {
                Name = "erp.update_invoice", Action = ToolAction.Write, Resource = s => Invariant($"erp/{s.Tenant}/invoices/INV-{s.FreshId()}"),
                TenantScoped = true, Sensitivity = new(0, 0.2, 0.8, 0), Arguments = [ArgSpec.Text("status", s => s.Pick(NewStatuses))],
                LatencyMs = 240, BytesOut = 500,
            },
            SharedTools.PaymentsTransfer(approvalRate: 0.35),
            SharedTools.EmailSend(freshDestinationRate: 0.04),
            SharedTools.Delegate(),
        ];
        return new RoleSpec
        {
            Name = "finance",
            Aliases = ["finance", "ap", "recon", "ledger", "treasury", "assist"],
            Namespaces = ["payments", "finance", "ops"],
            Tools = tools,
            Workflows =
            [
                new WorkflowBuilder(tools, "reconcile", WorkflowUse.Routine, 5, s => Invariant($"reconcile invoices for vendor batch {s.Ticket}"))
                    .Start("erp.list_invoices", 3).Start("bank.get_statement", 1)
                    .Link("erp.list_invoices", ("erp.get_invoice", 4), ("bank.get_statement", 1))
                    .Link("bank.get_statement", ("erp.get_invoice", 2), ("erp.list_invoices", 1))
                    .Link("erp.get_invoice", ("erp.get_invoice", 1.5), ("s3.get_object", 1), ("bank.get_statement", 0.5), ("erp.update_invoice", 2))
                    .Link("s3.get_object", ("erp.update_invoice", 1), ("erp.get_invoice", 1))
                    .Link("erp.update_invoice", ("erp.get_invoice", 2), ("email.send", 0.3))
                    .End("erp.update_invoice", 3).End("email.send", 2).End("erp.get_invoice", 0.5)
                    .Build(),
                new WorkflowBuilder(tools, "pay_vendor", WorkflowUse.Routine, 3, s => Invariant($"pay approved invoices in batch {s.Ticket}"))
                    .Start("erp.list_invoices")
                    .Link("erp.list_invoices", ("erp.get_invoice", 1))
                    .Link("erp.get_invoice", ("payments.transfer", 2), ("erp.get_invoice", 1))
                    .Link("payments.transfer", ("email.send", 2), ("erp.update_invoice", 2), ("erp.get_invoice", 1))
                    .Link("email.send", ("erp.update_invoice", 1))
                    .End("erp.update_invoice", 2).End("email.send", 1)
                    .Build(),
                new WorkflowBuilder(tools, "payment_run", WorkflowUse.Batch, 1, s => Invariant($"weekly payment run {s.Ticket}"))
                    .Start("erp.list_invoices")
                    .Link("erp.list_invoices", ("erp.get_invoice", 1))
                    .Link("erp.get_invoice", ("payments.transfer", 3))
                    .Link("payments.transfer", ("erp.get_invoice", 4), ("erp.update_invoice", 1))
                    .Link("erp.update_invoice", ("erp.get_invoice", 1))
                    .End("erp.update_invoice", 0.3).End("payments.transfer", 0.3)
                    .Build(),
                new WorkflowBuilder(tools, "refund_check", WorkflowUse.Delegated, 1, s => Invariant($"check refund eligibility for ticket {s.Ticket}"))
                    .Start("erp.get_invoice")
                    .Link("erp.get_invoice", ("bank.get_statement", 1), ("payments.transfer", 1), ("erp.update_invoice", 1))
                    .Link("bank.get_statement", ("payments.transfer", 1), ("erp.update_invoice", 1))
                    .Link("payments.transfer", ("erp.update_invoice", 1))
                    .End("erp.update_invoice", 1)
                    .Build(),
            ],
            RolloutTool = new()
            {
                Name = "invoices.ocr_extract", Action = ToolAction.Read, Resource = s => Invariant($"s3://corp-data/{s.Tenant}/invoices/INV-{s.FreshId()}.pdf"),
                TenantScoped = true, Sensitivity = new(0, 0.1, 0.9, 0), LatencyMs = 1_300, BytesOut = 250,
            },
            Vocabulary =
            [
                "invoice", "payment", "remittance", "advice", "vendor", "due", "overdue", "amount", "matched", "unmatched", "ledger",
                "entry", "statement", "balance", "credit", "note", "tax", "vat", "approved", "batch", "settled", "currency", "fee",
            ],
            FleetShare = 0.15,
            Activity = new(0.95, 0.05, 0),
            MaxTenants = 2,
            DelegationRate = 0.05,
            DelegatesTo = [new("data_pipeline", "ledger_extract", 1)],
        };
    }
}
