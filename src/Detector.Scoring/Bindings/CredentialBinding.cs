using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Scoring.Bindings;

/// <summary>
/// Who a credential was first seen with, when it expires, and when it was last used. The credential's
/// id is the table's key, not part of the binding: a day of bindings is held, so the id string is not.
/// </summary>
public sealed record CredentialBinding(SessionKey Owner, EventTime FirstUse, EventTime LastUse, EventTime? ExpiresAt);
