using Detector.Scoring.Bindings;

namespace Detector.Kafka.Bindings;

/// <summary>A credential binding as the topic carries it: with the credential's id, which the table keys by.</summary>
internal sealed record CredentialEntry(string CredentialId, CredentialBinding Binding);
