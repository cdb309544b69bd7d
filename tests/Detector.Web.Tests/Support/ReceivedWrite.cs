namespace Detector.Web.Tests.Support;

/// <summary>One request a <see cref="WriteReceiver"/> saw.</summary>
internal sealed record ReceivedWrite(string Path, string Query, string Authorization, string ContentEncoding, string ContentType, string Body);
