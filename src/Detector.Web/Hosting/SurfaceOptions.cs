using Detector.Observability.Influx;
using Detector.Web.ReadModel;

namespace Detector.Web.Hosting;

/// <summary>Settings of the analyst surfaces (section "Web"). Plain settings with documented defaults, validated once.</summary>
public sealed class SurfaceOptions
{
    /// <summary>
    /// Bearer token that /api and /metrics require on connections arriving at a non-loopback address.
    /// Without it only loopback connections are answered (the default binding is 127.0.0.1).
    /// </summary>
    public string? Token { get; set; }

    public const string DefaultFeedbackDatabase = "agentdrift-feedback.db";

    /// <summary>SQLite file holding analyst feedback. Default agentdrift-feedback.db in the working directory.</summary>
    public string FeedbackDatabase { get; set; } = DefaultFeedbackDatabase;

    public ReadModelOptions ReadModel { get; set; } = new();

    /// <summary>Per-agent time series; off unless Influx:Url is set.</summary>
    public InfluxOptions Influx { get; set; } = new();

    public void Validate()
    {
        if (Token is not null && Token.Length < 16)
            throw new ArgumentException("Web:Token must be at least 16 characters", nameof(Token));
        if (string.IsNullOrWhiteSpace(FeedbackDatabase))
            throw new ArgumentException("Web:FeedbackDatabase must name a file", nameof(FeedbackDatabase));
        ReadModel.Validate();
        Influx.Validate();
    }
}
