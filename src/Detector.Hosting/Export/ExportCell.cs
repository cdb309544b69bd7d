using System.Globalization;
using System.Text.Json;

namespace Detector.Hosting.Export;

/// <summary>One value of an exported row, written the same way to both files: text, a number, a list of names, or nothing.</summary>
public readonly struct ExportCell
{
    /// <summary>Separates a list's items in a CSV field (alert ids and kinds never contain it).</summary>
    public const char ListSeparator = ';';

    private readonly string? _text;
    private readonly double _number;
    private readonly IReadOnlyList<string>? _list;
    private readonly bool _isNumber;

    private ExportCell(string? text, double number, IReadOnlyList<string>? list, bool isNumber)
    {
        _text = text;
        _number = number;
        _list = list;
        _isNumber = isNumber;
    }

    public static ExportCell Text(string? text) => new(text, 0, null, false);

    public static ExportCell Number(double value) => new(null, value, null, true);

    public static ExportCell Number(double? value) => value is { } v ? Number(v) : default;

    public static ExportCell List(IReadOnlyList<string> items) => new(null, 0, items, false);

    /// <summary>
    /// Numbers in their shortest round-trip form, the form the JSON writer uses, so both files carry the same digits.
    /// Text that a spreadsheet would run as a formula (agent ids and analysts' reasons come from outside) gets a
    /// leading apostrophe, as OWASP's CSV injection guidance advises; the JSONL keeps the value as it was.
    /// </summary>
    public string ToCsvField() => _isNumber ? _number.ToString("R", CultureInfo.InvariantCulture)
        : Inert(_list is not null ? string.Join(ListSeparator, _list) : _text ?? "");

    private static string Inert(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public void WriteJson(Utf8JsonWriter writer, string name)
    {
        if (_isNumber)
        {
            writer.WriteNumber(name, _number);
        }
        else if (_list is not null)
        {
            writer.WriteStartArray(name);
            foreach (string item in _list)
                writer.WriteStringValue(item);
            writer.WriteEndArray();
        }
        else if (_text is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, _text);
        }
    }
}
