namespace Detector.Web.Api;

/// <summary>Body of the model requests: the model directory (on the workers' file system) where one is needed, and who asks.</summary>
public sealed record ModelRequest(string? Directory, string? Actor);
