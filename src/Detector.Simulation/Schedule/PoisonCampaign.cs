using Detector.Simulation.Catalog;

namespace Detector.Simulation.Schedule;

/// <summary>
/// A slow-poisoning campaign: one agent, one new destination, growing doses on several days, then
/// the harmful send. <see cref="BaseBytes"/> is one draw of the tool's usual size that every dose
/// scales, so the growth is the attacker's, not the noise of independent draws.
/// </summary>
internal sealed record PoisonCampaign(ToolSpec Tool, string Destination, int Doses, double BaseBytes);
