using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ExcelDataReader;

namespace Lianxin.Platform.Excel;

/// <summary>A column: its header, width in characters, and whether its cells are text (Excel then keeps 18-digit numbers as typed).</summary>
public sealed record XlsxColumn(string Header, double Width = 14, bool Text = false);

/// <summary>One worksheet to write: its columns and its rows, produced as they are written.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IAsyncEnumerable<object?[]> Rows);

/// <summary>
/// Writing and reading .xlsx, in one place. Writing streams rows into a zip written front to back (inline
/// strings, no shared-string table), so memory stays flat however many rows there are; downloads go through a
/// temporary file that is deleted once sent. (The Open XML SDK 2.x available here opens packages read-write, which
/// keeps the whole zip in memory, so the few SpreadsheetML parts are written directly.) Reading uses ExcelDataReader,
/// row by row. With MiniExcel or ClosedXML in the registry, either would replace this file.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // ExcelDataReader asks for code page 1252 even for .xlsx; .NET Core has it only through this provider.
    static Xlsx() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Writes the workbook to a temporary file and returns it open for reading, deleted when closed.</summary>
    public static async Task<Stream> WriteTempAsync(IReadOnlyList<XlsxSheet> sheets, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lianxin-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                await WriteAsync(file, sheets, ct);
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        }
        catch
        {
            System.IO.File.Delete(path);
            throw;
        }
    }

    /// <summary>A download of the workbook (the temporary file is deleted once sent).</summary>
    public static async Task<IResult> File(string fileName, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct) =>
        TypedResults.File(await WriteTempAsync(sheets, ct), ContentType, fileName);

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Fonts: regular, bold. Cell formats: 0 general, 1 bold (header), 2 text ("@", number format 49).
    private const string Styles =
        "<styleSheet xmlns=\"" + Main + "\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>" +
        "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>" +
        "<fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"3\">" +
        "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>" +
        "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>" +
        "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

    /// <summary>
    /// Writes the workbook as a zip written front to back (ZipArchive in create mode), each worksheet through an
    /// XmlWriter: only the current row is in memory. A bold, frozen header row; column widths; text format on
    /// columns marked Text.
    /// </summary>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) };

        async Task Part(string name, Func<XmlWriter, Task> body)
        {
            await using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            await using var w = XmlWriter.Create(entry, settings);
            await w.WriteStartDocumentAsync(true);
            await body(w);
            await w.WriteEndDocumentAsync();
        }

        await Part("[Content_Types].xml", async w =>
        {
            await w.WriteStartElementAsync(null, "Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            await Empty(w, "Default", ("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml"));
            await Empty(w, "Default", ("Extension", "xml"), ("ContentType", "application/xml"));
            await Empty(w, "Override", ("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
            await Empty(w, "Override", ("PartName", "/xl/styles.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"));
            for (var i = 1; i <= sheets.Count; i++)
                await Empty(w, "Override", ("PartName", $"/xl/worksheets/sheet{i}.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"));
            await w.WriteEndElementAsync();
        });
        await Part("_rels/.rels", async w =>
        {
            await w.WriteStartElementAsync(null, "Relationships", PackageRels);
            await Empty(w, "Relationship", ("Id", "rId1"), ("Type", Rel + "/officeDocument"), ("Target", "xl/workbook.xml"));
            await w.WriteEndElementAsync();
        });
        await Part("xl/workbook.xml", async w =>
        {
            await w.WriteStartElementAsync(null, "workbook", Main);
            await w.WriteAttributeStringAsync("xmlns", "r", null, Rel);
            await w.WriteStartElementAsync(null, "sheets", Main);
            for (var i = 0; i < sheets.Count; i++)
            {
                await w.WriteStartElementAsync(null, "sheet", Main);
                await w.WriteAttributeStringAsync(null, "name", null, SheetName(sheets[i].Name));
                await w.WriteAttributeStringAsync(null, "sheetId", null, (i + 1).ToString(CultureInfo.InvariantCulture));
                await w.WriteAttributeStringAsync("r", "id", Rel, $"rId{i + 1}");
                await w.WriteEndElementAsync();
            }
            await w.WriteEndElementAsync();
            await w.WriteEndElementAsync();
        });
        await Part("xl/_rels/workbook.xml.rels", async w =>
        {
            await w.WriteStartElementAsync(null, "Relationships", PackageRels);
            for (var i = 1; i <= sheets.Count; i++)
                await Empty(w, "Relationship", ("Id", $"rId{i}"), ("Type", Rel + "/worksheet"), ("Target", $"worksheets/sheet{i}.xml"));
            await Empty(w, "Relationship", ("Id", $"rId{sheets.Count + 1}"), ("Type", Rel + "/styles"), ("Target", "styles.xml"));
            await w.WriteEndElementAsync();
        });
        await using (var styles = zip.CreateEntry("xl/styles.xml", CompressionLevel.Fastest).Open())
            await styles.WriteAsync(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + Styles), ct);
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            await Part($"xl/worksheets/sheet{i + 1}.xml", async w =>
            {
                await w.WriteStartElementAsync(null, "worksheet", Main);
                await w.WriteRawAsync("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
                await w.WriteStartElementAsync(null, "cols", Main);
                for (var c = 0; c < sheet.Columns.Count; c++)
                {
                    var n = (c + 1).ToString(CultureInfo.InvariantCulture);
                    await w.WriteStartElementAsync(null, "col", Main);
                    await w.WriteAttributeStringAsync(null, "min", null, n);
                    await w.WriteAttributeStringAsync(null, "max", null, n);
                    await w.WriteAttributeStringAsync(null, "width", null, sheet.Columns[c].Width.ToString(CultureInfo.InvariantCulture));
                    await w.WriteAttributeStringAsync(null, "customWidth", null, "1");
                    if (sheet.Columns[c].Text) await w.WriteAttributeStringAsync(null, "style", null, "2");
                    await w.WriteEndElementAsync();
                }
                await w.WriteEndElementAsync();
                await w.WriteStartElementAsync(null, "sheetData", Main);
                var rowIndex = 1;
                await WriteRow(w, rowIndex++, [.. sheet.Columns.Select(c => (object?)c.Header)], sheet.Columns, header: true);
                await foreach (var row in sheet.Rows.WithCancellation(ct)) await WriteRow(w, rowIndex++, row, sheet.Columns, header: false);
                await w.WriteEndElementAsync();
                await w.WriteEndElementAsync();
            });
        }
    }

    private static async Task Empty(XmlWriter w, string element, params (string Name, string Value)[] attributes)
    {
        await w.WriteStartElementAsync(null, element, null);
        foreach (var (name, value) in attributes) await w.WriteAttributeStringAsync(null, name, null, value);
        await w.WriteEndElementAsync();
    }

    /// <summary>Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet" : clean;
    }

    private static async Task WriteRow(XmlWriter w, int index, object?[] values, IReadOnlyList<XlsxColumn> columns, bool header)
    {
        var r = index.ToString(CultureInfo.InvariantCulture);
        await w.WriteStartElementAsync(null, "row", Main);
        await w.WriteAttributeStringAsync(null, "r", null, r);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null) continue;
            await w.WriteStartElementAsync(null, "c", Main);
            await w.WriteAttributeStringAsync(null, "r", null, ColumnName(i) + r);
            if (values[i] is int or long or double or decimal)
            {
                await w.WriteElementStringAsync(null, "v", Main, Convert.ToString(values[i], CultureInfo.InvariantCulture) ?? "0");
            }
            else
            {
                var text = values[i] switch
                {
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    bool b => b ? "是" : "否",
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
                };
                await w.WriteAttributeStringAsync(null, "t", null, "inlineStr");
                var style = header ? 1 : i < columns.Count && columns[i].Text ? 2 : 0;
                if (style > 0) await w.WriteAttributeStringAsync(null, "s", null, style.ToString(CultureInfo.InvariantCulture));
                await w.WriteStartElementAsync(null, "is", Main);
                await w.WriteStartElementAsync(null, "t", Main);
                await w.WriteAttributeStringAsync("xml", "space", null, "preserve");
                await w.WriteStringAsync(Clean(text));
                await w.WriteEndElementAsync();
                await w.WriteEndElementAsync();
            }
            await w.WriteEndElementAsync();
        }
        await w.WriteEndElementAsync();
    }

    /// <summary>Characters XML 1.0 cannot carry are dropped; a leading formula character is neutralised (CSV/Excel injection).</summary>
    private static string Clean(string s)
    {
        var chars = s.Where(c => c is '\t' or '\n' or '\r' || c >= ' ').ToArray();
        var t = new string(chars);
        return t.Length > 0 && t[0] is '=' or '+' or '@' && !t.All(c => char.IsDigit(c) || c == '+') ? "'" + t : t;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>
    /// The rows of the first worksheet as text cells (dates as yyyy-MM-dd, whole numbers without decimals), the
    /// header row first. Throws <see cref="InvalidDataException"/> when the file is not a readable .xlsx workbook.
    /// </summary>
    public static IEnumerable<string?[]> ReadRows(Stream seekable)
    {
        Span<byte> head = stackalloc byte[4];
        seekable.Position = 0;
        if (seekable.Read(head) < 4 || !Files.FileSniffer.IsZip(head)) throw new InvalidDataException("not a zip container");
        seekable.Position = 0;
        IExcelDataReader reader;
        try { reader = ExcelReaderFactory.CreateOpenXmlReader(seekable); }
        catch (Exception e) when (e is not OperationCanceledException) { throw new InvalidDataException("not an xlsx workbook", e); }
        return Rows(reader);
    }

    /// <summary>
    /// Every worksheet's rows as text cells (as <see cref="ReadRows"/> reads the first), by sheet name, at most
    /// <paramref name="maxRows"/> rows each. Throws <see cref="InvalidDataException"/> when the file is not a readable workbook.
    /// </summary>
    public static Dictionary<string, List<string?[]>> ReadSheets(Stream seekable, int maxRows)
    {
        Span<byte> head = stackalloc byte[4];
        seekable.Position = 0;
        if (seekable.Read(head) < 4 || !Files.FileSniffer.IsZip(head)) throw new InvalidDataException("not a zip container");
        seekable.Position = 0;
        var result = new Dictionary<string, List<string?[]>>(StringComparer.Ordinal);
        try
        {
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(seekable);
            do
            {
                var rows = new List<string?[]>();
                while (rows.Count < maxRows && reader.Read())
                {
                    var cells = new string?[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++) cells[i] = Text(reader.GetValue(i));
                    rows.Add(cells);
                }
                result.TryAdd(reader.Name?.Trim() ?? "", rows);
            } while (reader.NextResult());
        }
        catch (Exception e) when (e is not (OperationCanceledException or InvalidDataException)) { throw new InvalidDataException("unreadable workbook", e); }
        return result;
    }

    private static IEnumerable<string?[]> Rows(IExcelDataReader reader)
    {
        using (reader)
        {
            while (true)
            {
                bool more;
                try { more = reader.Read(); }
                catch (Exception e) when (e is not InvalidDataException) { throw new InvalidDataException("unreadable worksheet", e); }
                if (!more) yield break;
                var cells = new string?[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = Text(reader.GetValue(i));
                yield return cells;
            }
        }
    }

    private static string? Text(object? v) => v switch
    {
        null => null,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null,
    };

    public static async IAsyncEnumerable<object?[]> Rows(IEnumerable<object?[]> rows)
    {
        foreach (var r in rows) yield return r;
        await Task.CompletedTask;
    }
}
