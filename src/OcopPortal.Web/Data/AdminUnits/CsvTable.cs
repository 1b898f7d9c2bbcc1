using System.Text;

namespace OcopPortal.Web.Data.AdminUnits;

/// <summary>One data row: the line of the file it starts on (the header is line 1, as a spreadsheet numbers rows) and its fields.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A small RFC 4180 reader for the catalogue's CSV files: comma-separated, optional double quotes (with "" inside),
/// a header row; text normalised to NFC, a byte-order mark dropped, fields trimmed, blank lines skipped.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i], i);
        }
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The row's value in <paramref name="column"/>; "" when the row is shorter than the header.</summary>
    public string Get(CsvRow row, string column) =>
        _columns.TryGetValue(column, out var i) && i < row.Fields.Count ? row.Fields[i] : "";

    public static CsvTable Read(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Parses <paramref name="text"/>; <paramref name="delimiter"/> is ',' (default) or ';' (Excel in locales with a decimal comma).</summary>
    public static CsvTable Parse(string text, char delimiter = ',')
    {
        var records = Records(text.Normalize(NormalizationForm.FormC).TrimStart('\uFEFF'), delimiter).ToList();
        if (records.Count == 0)
        {
            return new CsvTable([], []);
        }

        return new CsvTable(records[0].Fields, records.Skip(1).ToList());
    }

    private static IEnumerable<CsvRow> Records(string text, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, startLine, quoted, i) = (1, 1, false, 0);
        while (i < text.Length)
        {
            var ch = text[i++];
            if (quoted)
            {
                if (ch == '"' && i < text.Length && text[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.ToString().Trim().Length == 0)
            {
                quoted = true;
                field.Clear();
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i < text.Length && text[i] == '\n')
                {
                    i++;
                }

                if (Finish(fields, field, startLine) is { } row)
                {
                    yield return row;
                }

                startLine = ++line;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (Finish(fields, field, startLine) is { } last)
        {
            yield return last;
        }
    }

    private static CsvRow? Finish(List<string> fields, StringBuilder field, int line)
    {
        fields.Add(field.ToString().Trim());
        field.Clear();
        var row = fields.Count == 1 && fields[0].Length == 0 ? null : new CsvRow(line, fields.ToList());
        fields.Clear();
        return row;
    }
}
