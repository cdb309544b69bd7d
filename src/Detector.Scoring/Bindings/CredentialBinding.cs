using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Scoring.Bindings;

/// <summary>Who a credential was first seen with, when it expires, and when it was last used.</summary>
public sealed record CredentialBinding(string CredentialId, SessionKey Owner, EventTime FirstUse, EventTime LastUse, EventTime? ExpiresAt);
