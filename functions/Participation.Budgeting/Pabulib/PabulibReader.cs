using System.Text;

namespace Participation.Budgeting.Pabulib;

/// <summary>
/// Reads .pb files: ';'-separated, fields optionally in double quotes (a quote inside doubled), sections introduced
/// by a line META, PROJECTS or VOTES followed by a header line. Quotes only open a field at its start, as in
/// Python's csv module that pabulib files are written with, so a name like <c>boisko "Orlik"</c> reads as is.
/// </summary>
public static class PabulibReader
{
    public static PabulibFile Read(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static PabulibFile Parse(TextReader reader) => Parse(reader.ReadToEnd());

    public static PabulibFile Parse(string text)
    {
        var meta = new List<KeyValuePair<string, string>>();
        var sections = new Dictionary<string, (List<string> Columns, List<IReadOnlyDictionary<string, string>> Rows)>();
        string? section = null;
        List<string>? header = null;
        foreach (var record in Records(text.TrimStart('\uFEFF')))
        {
            if (record.Count == 1 && record[0].Trim().ToUpperInvariant() is "META" or "PROJECTS" or "VOTES")
            {
                section = record[0].Trim().ToUpperInvariant();
                header = null;
                continue;
            }
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }
            if (section is null)
            {
                throw new FormatException("A .pb file starts with a META section.");
            }
            if (header is null)
            {
                header = record.Select(column => column.Trim()).ToList();
                sections[section] = (header, []);
                continue;
            }
            if (section == "META")
            {
                meta.Add(new(record[0].Trim(), record.Count > 1 ? string.Join(';', record.Skip(1)).Trim() : ""));
                continue;
            }
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < record.Count ? record[i].Trim() : "";
            }
            sections[section].Rows.Add(row);
        }

        var projects = sections.GetValueOrDefault("PROJECTS");
        var votes = sections.GetValueOrDefault("VOTES");
        return new PabulibFile(
            meta,
            projects.Columns ?? [],
            projects.Rows ?? [],
            votes.Columns ?? [],
            votes.Rows ?? []);
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (field.Length == 0 && text[i] == '"')
            {
                i++;
                while (i < text.Length)
                {
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
                continue;
            }
            var c = text[i++];
            if (c == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i < text.Length && text[i] == '\n')
                {
                    i++;
                }
                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
