using System.Text.Json;

namespace Detector.Kafka.Models;

/// <summary>
/// One record of the models topic (key = role): the model directory every worker loads for that role,
/// the version it must hold (a directory overwritten since is refused, not half-trusted), who asked and
/// when. A shadow's tombstone (null value) stops it.
/// </summary>
public sealed record ModelDirective(ModelRole Role, string Path, string Version, string Actor, DateTimeOffset At)
{
    public static byte[] Key(ModelRole role) => System.Text.Encoding.UTF8.GetBytes(role == ModelRole.Active ? "active" : "shadow");

    public static ModelRole? RoleOf(byte[] key) => System.Text.Encoding.UTF8.GetString(key) switch
    {
        "active" => ModelRole.Active,
        "shadow" => ModelRole.Shadow,
        _ => null,
    };

    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("path", Path);
            w.WriteString("version", Version);
            w.WriteString("actor", Actor);
            w.WriteString("at", At);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The value is not a directive.</exception>
    public static ModelDirective FromJson(ModelRole role, byte[] value)
    {
        try
        {
            using var doc = JsonDocument.Parse(value);
            var root = doc.RootElement;
            return new ModelDirective(role, Text(root, "path"), Text(root, "version"), Text(root, "actor"), root.GetProperty("at").GetDateTimeOffset());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException("not a model directive: " + e.Message, e);
        }
    }

    private static string Text(JsonElement root, string name) => root.GetProperty(name).GetString() ?? throw new InvalidDataException(name + " is null");
}
