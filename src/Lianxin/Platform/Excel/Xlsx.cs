using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;

namespace Lianxin.Platform.Excel;

public sealed record XlsxColumn(string Header, double Width = 14);

/// <summary>One worksheet to write: its columns and its rows, produced as they are written.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IAsyncEnumerable<object?[]> Rows);

/// <summary>
/// Writing and reading .xlsx, in one place. Writing streams rows through the Open XML SDK's forward-only writer
/// into a temporary file (inline strings, no shared-string table), so memory stays flat however many rows there
/// are; the file is then streamed to the client and deleted. Reading uses ExcelDataReader, also row by row.
/// (With ClosedXML or MiniExcel in the registry, either would replace this file.)
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // ExcelDataReader asks for code page 1252 even for .xlsx; .NET Core has it only through this provider.
    static Xlsx() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    /// <summary>Writes the workbook to a self-deleting temporary file and returns it, positioned at the start.</summary>
    public static async Task<Stream> WriteTempAsync(IReadOnlyList<XlsxSheet> sheets, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lianxin-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await WriteAsync(file, sheets, ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>A download of the workbook (the temporary file is deleted once sent).</summary>
    public static async Task<IResult> File(string fileName, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct) =>
        TypedResults.File(await WriteTempAsync(sheets, ct), ContentType, fileName);

    public static async Task WriteAsync(Stream stream, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct)
    {
        using var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var entries = new List<Sheet>();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(part))
            {
                w.WriteStartElement(new Worksheet());
                // The header row stays in view while scrolling.
                w.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0 }));
                w.WriteStartElement(new Columns());
                for (var i = 0; i < sheet.Columns.Count; i++)
                    w.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = sheet.Columns[i].Width, CustomWidth = true });
                w.WriteEndElement();
                w.WriteStartElement(new SheetData());
                uint rowIndex = 1;
                WriteRow(w, rowIndex++, sheet.Columns.Select(c => (object?)c.Header).ToArray(), header: true);
                await foreach (var row in sheet.Rows.WithCancellation(ct)) WriteRow(w, rowIndex++, row, header: false);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            entries.Add(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
        }
        workbook.Workbook = new Workbook(new Sheets(entries));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter w, uint index, object?[] values, bool header)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < values.Length; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            switch (values[i])
            {
                case null:
                    break;
                case int or long or double or decimal:
                    w.WriteElement(new Cell
                    {
                        CellReference = reference, DataType = CellValues.Number,
                        CellValue = new CellValue(Convert.ToString(values[i], CultureInfo.InvariantCulture)!),
                    });
                    break;
                default:
                    var text = values[i] switch
                    {
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        bool b => b ? "是" : "否",
                        var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
                    };
                    w.WriteElement(new Cell(new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
                    {
                        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = header ? 1u : 0u,
                    });
                    break;
            }
        }
        w.WriteEndElement();
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

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

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
