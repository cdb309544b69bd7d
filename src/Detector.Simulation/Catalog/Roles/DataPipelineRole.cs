using Detector.Domain.Events;
using static System.FormattableString;

namespace Detector.Simulation.Catalog.Roles;

/// <summary>Data pipelines: multi-tenant reads of customer data, derived writes, partner deliveries, nightly batches.</summary>
internal static class DataPipelineRole
{
    private static readonly IReadOnlyList<double> Limits = [1_000, 10_000, 50_000, 100_000];

    public static RoleSpec Build()
    {
        ToolSpec[] tools =
        [
            new()
            {
                Name = "s3.list_objects", Action = ToolAction.Read, Resource = s => Invariant($"s3://corp-data/{s.Tenant}/{s.Dataset}/"),
                TenantScoped = true, Arguments = [ArgSpec.Text("bucket", _ => "corp-data")], LatencyMs = 120, BytesOut = 200,
            },
            SharedTools.S3Get(s => Invariant($"s3://corp-data/{s.Tenant}/{s.Dataset}/part-{s.FreshId()}.parquet"), new(0, 0.15, 0.6, 0.25)),
            new()
            {
                Name = "warehouse.query", Action = ToolAction.Read, Resource = s => Invariant($"snowflake://analytics/{s.Tenant}/{s.Table}"),
                TenantScoped = true, Sensitivity = new(0, 0.3, 0.6, 0.1),
                Arguments =
                [
                    ArgSpec.Text("sql", s => Invariant($"select * from {s.Table} where ds = '{s.Date}'")),
                    ArgSpec.Number("limit", s => s.Pick(Limits)),
                ],
                LatencyMs = 2_200, BytesOut = 500,
            },
            SharedTools.S3Put(s => Invariant($"s3://corp-data/{s.Tenant}/derived/{s.Dataset}/{s.FreshId()}.parquet"), new(0, 0.5, 0.5, 0)),
            new()
            {
                Name = "jobs.run", Action = ToolAction.Execute, Resource = s => Invariant($"airflow/dags/{s.Dataset}_daily/runs/{s.Date}"),
                Arguments = [ArgSpec.Text("dag", s => s.Dataset + "_daily")], LatencyMs = 700, BytesOut = 300,
            },
            SharedTools.SftpUpload(),
            SharedTools.HttpPost(),
        ];
        return new RoleSpec
        {
            Name = "data_pipeline",
            Aliases = ["etl", "pipeline", "ingest", "dataflow", "sync"],
            Namespaces = ["data", "analytics", "platform"],
            Tools = tools,
            Workflows =
            [
                new WorkflowBuilder(tools, "nightly_export", WorkflowUse.Routine, 4, s => Invariant($"nightly export of {s.Dataset} for {s.Tenant}"))
                    .Start("jobs.run", 3).Start("s3.list_objects", 1)
                    .Link("jobs.run", ("s3.list_objects", 4), ("warehouse.query", 1))
                    .Link("s3.list_objects", ("s3.get_object", 5))
                    .Link("s3.get_object", ("s3.get_object", 2), ("s3.put_object", 3), ("warehouse.query", 1))
                    .Link("warehouse.query", ("s3.put_object", 2), ("s3.get_object", 1))
                    .Link("s3.put_object", ("s3.get_object", 1.5), ("sftp.upload", 2), ("http.post", 1.5))
                    .Link("sftp.upload", ("http.post", 2))
                    .End("sftp.upload", 3).End("http.post", 5).End("s3.put_object", 1)
                    .Build(),
                new WorkflowBuilder(tools, "adhoc_query", WorkflowUse.Routine, 3, s => Invariant($"answer analytics request {s.Ticket} on {s.Table}"))
                    .Start("warehouse.query")
                    .Link("warehouse.query", ("warehouse.query", 3), ("s3.put_object", 2))
                    .Link("s3.put_object", ("http.post", 1), ("warehouse.query", 1))
                    .End("s3.put_object", 2).End("http.post", 4)
                    .Build(),
                new WorkflowBuilder(tools, "partner_delivery", WorkflowUse.Routine, 2, s => Invariant($"deliver {s.Dataset} extract to partner"))
                    .Start("s3.list_objects")
                    .Link("s3.list_objects", ("s3.get_object", 1))
                    .Link("s3.get_object", ("s3.get_object", 2), ("sftp.upload", 2))
                    .Link("sftp.upload", ("http.post", 1), ("sftp.upload", 0.5))
                    .End("http.post", 3).End("sftp.upload", 1)
                    .Build(),
                new WorkflowBuilder(tools, "backfill", WorkflowUse.Batch, 1, s => Invariant($"backfill {s.Dataset} for {s.Tenant} since {s.Date}"))
                    .Start("s3.get_object")
                    .Link("s3.get_object", ("s3.put_object", 3), ("s3.get_object", 1))
                    .Link("s3.put_object", ("s3.get_object", 4))
                    .End("s3.put_object", 0.5)
                    .Build(),
                new WorkflowBuilder(tools, "incident_extract", WorkflowUse.Delegated, 1, s => Invariant($"extract {s.Dataset} records for incident INC-{s.Ticket}"))
                    .Start("warehouse.query")
                    .Link("warehouse.query", ("s3.get_object", 2), ("warehouse.query", 1), ("s3.put_object", 1))
                    .Link("s3.get_object", ("s3.put_object", 2), ("s3.get_object", 1))
                    .End("s3.put_object", 1)
                    .Build(),
                new WorkflowBuilder(tools, "ledger_extract", WorkflowUse.Delegated, 1, s => Invariant($"pull ledger extract for batch {s.Ticket}"))
                    .Start("warehouse.query")
                    .Link("warehouse.query", ("warehouse.query", 1), ("s3.put_object", 2))
                    .End("s3.put_object", 1)
                    .Build(),
            ],
            RolloutTool = new()
            {
                Name = "dq.validate", Action = ToolAction.Execute, Resource = s => Invariant($"snowflake://analytics/{s.Tenant}/{s.Table}"),
                TenantScoped = true, Arguments = [ArgSpec.Text("suite", s => s.Table + "_checks")], LatencyMs = 1_500, BytesOut = 300,
            },
            Vocabulary =
            [
                "rows", "partition", "schema", "null", "duplicates", "late", "arriving", "snapshot", "delta", "merge", "upsert", "export",
                "compaction", "watermark", "lag", "backfill", "quota", "throttled", "retry", "checksum", "mismatch", "column", "drift",
            ],
            FleetShare = 0.15,
            Activity = new(0.3, 0.2, 0.5),
            MinTenants = 3,
            MaxTenants = 5,
        };
    }
}
