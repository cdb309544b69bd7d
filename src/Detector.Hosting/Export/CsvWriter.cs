namespace Detector.Hosting.Export;

/// <summary>
/// RFC 4180 CSV: every record ends in CRLF; a field holding a comma, a double quote, CR or LF is
/// enclosed in double quotes with its quotes doubled (analysts' reasons are free text).
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    public void WriteRecord(IEnumerable<string> fields)
    {
        bool first = true;
        foreach (string field in fields)
        {
            if (!first)
                writer.Write(',');
            first = false;
            writer.Write(Escape(field));
        }
        writer.Write("\r\n");
    }

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
