using Detector.Simulation.Catalog;

namespace Detector.Simulation.Schedule;

/// <summary>A slow-poisoning campaign: one agent, one new destination, growing doses on several days, then the harmful send.</summary>
internal sealed record PoisonCampaign(ToolSpec Tool, string Destination, int Doses);
