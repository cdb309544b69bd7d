using System.Globalization;
using System.Text;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Scoring.Bindings;

namespace Detector.Kafka.Bindings;

/// <summary>
/// Keys and values of the binding table topic. Keys: <c>c\n{credential}</c>,
/// <c>s\n{agent}\n{session}</c> and <c>a\n{group}\n{value}</c> (an adoption; hex hashes). Compaction
/// keeps the latest of each; workers of earlier versions skip the adoption kind. Values: a version byte, then the
/// binding's fields.
/// </summary>
internal static class BindingCodec
{
    private const byte Version = 4;

    /// <summary>The previous version: a session's group as an index into its writer's table (not portable: read as unknown); otherwise the same.</summary>
    private const byte GroupIndexVersion = 3;

    /// <summary>The version before: also a credential's owning session as its id rather than its hash.</summary>
    private const byte SessionIdVersion = 2;

    /// <summary>A credential's key as text (the publisher's throttle is keyed by it too).</summary>
    public static string CredentialKey(string credentialId) => "c\n" + credentialId;

    /// <summary>A session's key as text (the publisher's throttle is keyed by it too).</summary>
    public static string SessionKey(SessionBinding b) => $"s\n{b.Session.Agent.Value}\n{b.Session.Session.Value}";

    public static byte[] Key(string credentialId) => Encoding.UTF8.GetBytes(CredentialKey(credentialId));

    public static byte[] Key(SessionBinding b) => Encoding.UTF8.GetBytes(SessionKey(b));

    public static byte[] Key(ulong group, ulong value) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"a\n{group:x16}\n{value:x16}"));

    public static byte[] Value(ulong group, ulong value, Adoption a) => Write(w =>
    {
        w.Write(group);
        w.Write(value);
        w.Write(a.First);
        w.Write(a.FirstAt.UtcTicks);
        w.Write(a.Second);
        w.Write(a.SecondAt.UtcTicks);
    });

    public static byte[] Value(string credentialId, CredentialBinding b) => Write(w =>
    {
        w.Write(credentialId);
        w.Write(b.OwnerAgent.Value);
        w.Write(b.OwnerSession);
        w.Write(b.FirstUse.UtcTicks);
        w.Write(b.LastUse.UtcTicks);
        w.Write(b.ExpiresAt.HasValue);
        w.Write(b.ExpiresAt?.UtcTicks ?? 0);
    });

    public static byte[] Value(SessionBinding b) => Write(w =>
    {
        w.Write(b.Session.Agent.Value);
        w.Write(b.Session.Session.Value);
        w.Write(b.Group is not null);
        w.Write(b.Group ?? "");
        w.Write(b.Intent is not null);
        w.Write(b.Intent ?? "");
        w.Write(b.Tenant is not null);
        w.Write(b.Tenant ?? "");
        w.Write(b.Start.UtcTicks);
        w.Write(b.LastSeen.UtcTicks);
    });

    /// <summary>Decodes a record into a <see cref="CredentialEntry"/>, a session binding or an <see cref="AdoptionEntry"/>; null for a key of another kind.</summary>
    public static object? Read(byte[] key, byte[] value)
    {
        using var r = new BinaryReader(new MemoryStream(value, writable: false));
        byte version = r.ReadByte();
        if (version is not (Version or GroupIndexVersion or SessionIdVersion))
            throw new InvalidDataException($"unsupported binding record version {version}");
        if (key.Length > 2 && key[0] == 'c' && key[1] == '\n')
        {
            string id = r.ReadString();
            var owner = new AgentId(r.ReadString());
            // Workers of the previous version wrote the owning session's id: read during a rolling upgrade.
            ulong ownerSession = version == SessionIdVersion ? CredentialBinding.SessionHash(new SessionId(r.ReadString())) : r.ReadUInt64();
            var first = new EventTime(r.ReadInt64());
            var last = new EventTime(r.ReadInt64());
            bool hasExpiry = r.ReadBoolean();
            long expiry = r.ReadInt64();
            return new CredentialEntry(id, new CredentialBinding(owner, ownerSession, first, last, hasExpiry ? new EventTime(expiry) : null));
        }
        if (key.Length > 2 && key[0] == 'a' && key[1] == '\n' && version == Version)
        {
            ulong group = r.ReadUInt64();
            ulong newcomer = r.ReadUInt64();
            var adoption = new Adoption(r.ReadUInt64(), new EventTime(r.ReadInt64()), r.ReadUInt64(), new EventTime(r.ReadInt64()));
            return new AdoptionEntry(group, newcomer, adoption);
        }
        if (key.Length > 2 && key[0] == 's' && key[1] == '\n')
        {
            var session = new SessionKey(new AgentId(r.ReadString()), new SessionId(r.ReadString()));
            string? group = null;
            if (version == Version)
                group = ReadOptional(r);
            else
                r.ReadInt32(); // older workers wrote their own table's index, which names no group here: unknown
            string? intent = ReadOptional(r);
            string? tenant = ReadOptional(r);
            return new SessionBinding(session, group, intent, tenant, new EventTime(r.ReadInt64()), new EventTime(r.ReadInt64()));
        }
        return null;
    }

    private static string? ReadOptional(BinaryReader r)
    {
        bool present = r.ReadBoolean();
        string value = r.ReadString();
        return present ? value : null;
    }

    private static byte[] Write(Action<BinaryWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Version);
            body(w);
        }
        return stream.ToArray();
    }
}
