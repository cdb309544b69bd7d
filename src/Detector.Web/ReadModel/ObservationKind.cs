namespace Detector.Web.ReadModel;

internal enum ObservationKind
{
    /// <summary>A scored event.</summary>
    Event,
    /// <summary>An emitted alert (payload).</summary>
    Alert,
    /// <summary>An emitted quarantine signal (payload).</summary>
    Signal,
    /// <summary>Publish if something changed, close windows the stream has moved past.</summary>
    Tick,
    /// <summary>Publish now and complete the payload's task (optionally closing every window).</summary>
    Flush,
    /// <summary>Build one agent's detail view for an API reader (payload).</summary>
    Query,
}
