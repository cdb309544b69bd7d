using Detector.Pipeline.Shadow;

namespace Detector.Web.Api;

/// <summary>GET /api/models: the versions in use, whether this host can switch them, and the shadow comparison.</summary>
public sealed record ModelsView(string? Active, string? Shadow, bool Switchable, ShadowReport? Comparison);
