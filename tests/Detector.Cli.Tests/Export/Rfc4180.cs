using System.Text;

namespace Detector.Cli.Tests.Export;

/// <summary>
/// A strict RFC 4180 reader written apart from the exporter's writer, so the test does not read the
/// files back with the code that wrote them: every record must end in CRLF, quotes only enclose whole fields.
/// </summary>
internal static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                        throw new FormatException($"quote inside an unquoted field at {i}");
                    field.Append(text[i++]);
                }
            }
            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }
            if (i + 1 >= text.Length || text[i] != '\r' || text[i + 1] != '\n')
                throw new FormatException($"a record must end in CRLF (offset {i})");
            i += 2;
            records.Add([.. fields]);
            fields.Clear();
        }
        return records;
    }
}
