using System.Globalization;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Resources;
using MiniExcelLibs;

namespace FrontlineCare.Core.Features.Duty;

/// <summary>
/// The duty grid as an Excel sheet: the template a committee downloads and fills in, and the check of a filled-in
/// sheet before anything is imported. Column A is the deployment's key, B the person's name, C–I the seven days
/// (headed by their dates). The headers are language-neutral so a sheet works whatever language the user reads.
/// Errors name the cell as Excel does ("D5").
/// </summary>
public static class DutySheet
{
    public const string KeyHeader = "派驻编号 Key";
    public const string NameHeader = "姓名 Name";
    public const int MaxRows = 2_000;
    public const long MaxBytes = 2 * 1024 * 1024;
    private static readonly string[] DayColumns = ["C", "D", "E", "F", "G", "H", "I"];

    public static string Header(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The grid of the week as a sheet: one row per person deployed at the post, today's hours filled in.</summary>
    public static byte[] Template(DutyWeek week)
    {
        var rows = week.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { [KeyHeader] = r.DeploymentId.ToString(), [NameHeader] = r.WorkerName };
            for (var i = 0; i < 7; i++) row[Header(week.Key.WeekStart.AddDays(i))] = r.Hours[i];
            return row;
        }).ToList();
        if (rows.Count == 0)
        {
            var empty = new Dictionary<string, object?> { [KeyHeader] = null, [NameHeader] = null };
            for (var i = 0; i < 7; i++) empty[Header(week.Key.WeekStart.AddDays(i))] = null;
            rows.Add(empty);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: week.Key.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return stream.ToArray();
    }

    /// <summary>
    /// Reads a filled-in sheet against the week's grid. Either every row and cell is right and the result is the
    /// grid to save (rows the sheet does not name keep their hours), or the errors of every wrong cell are returned
    /// and nothing is to be saved.
    /// </summary>
    public static (DutyWeekForm? Form, IReadOnlyList<FieldError> Errors, IReadOnlyDictionary<Guid, int> RowOf) Read(Stream stream, DutyWeek week)
    {
        var errors = new List<FieldError>();
        var rowOf = new Dictionary<Guid, int>();
        List<IDictionary<string, object?>> sheet;
        try
        {
            sheet = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or NotSupportedException or IOException or System.Xml.XmlException or ArgumentException)
        {
            return (null, [new FieldError("A1", Messages.DutySheetUnreadable)], rowOf);
        }
        if (sheet.Count == 0) return (null, [new FieldError("A1", Messages.DutySheetEmpty)], rowOf);
        if (sheet.Count > MaxRows + 1) return (null, [new FieldError("A1", string.Format(Messages.DutySheetTooManyRows, MaxRows))], rowOf);

        // Row 1: the headers, exactly.
        var expected = new Dictionary<string, string> { ["A"] = KeyHeader, ["B"] = NameHeader };
        for (var i = 0; i < 7; i++) expected[DayColumns[i]] = Header(week.Key.WeekStart.AddDays(i));
        foreach (var (column, header) in expected)
            if (Text(sheet[0], column) != header) errors.Add(new FieldError($"{column}1", string.Format(Messages.DutySheetHeader, header)));
        foreach (var extra in sheet[0].Where(c => !expected.ContainsKey(c.Key) && !string.IsNullOrWhiteSpace(c.Value?.ToString())))
            errors.Add(new FieldError($"{extra.Key}1", Messages.DutySheetExtraColumn));
        if (errors.Count > 0) return (null, errors, rowOf);

        var grid = week.Rows.ToDictionary(r => r.DeploymentId);
        var hours = week.Rows.ToDictionary(r => r.DeploymentId, r => (decimal?[])r.Hours.Clone());
        for (var index = 1; index < sheet.Count; index++)
        {
            var cells = sheet[index];
            var excelRow = index + 1;
            if (cells.Values.All(v => string.IsNullOrWhiteSpace(v?.ToString()))) continue;
            if (!Guid.TryParse(Text(cells, "A"), out var key) || !grid.TryGetValue(key, out var gridRow))
            {
                errors.Add(new FieldError($"A{excelRow}", Messages.DutySheetUnknownKey));
                continue;
            }
            if (!rowOf.TryAdd(key, excelRow))
            {
                errors.Add(new FieldError($"A{excelRow}", string.Format(Messages.DutySheetDuplicateKey, rowOf[key])));
                continue;
            }
            if (Text(cells, "B") != gridRow.WorkerName)
                errors.Add(new FieldError($"B{excelRow}", string.Format(Messages.DutySheetNameMismatch, gridRow.WorkerName)));
            for (var i = 0; i < 7; i++)
            {
                var raw = cells.TryGetValue(DayColumns[i], out var value) ? value : null;
                // An empty cell clears the day (as on the grid); one holding only spaces is a value, refused like any
                // other cell that is not hours, never read as "no duty".
                if (raw is null || raw is "") { hours[key][i] = null; continue; }
                if (raw is string s && string.IsNullOrWhiteSpace(s))
                {
                    errors.Add(new FieldError($"{DayColumns[i]}{excelRow}", Messages.BlankText));
                    continue;
                }
                if (Number(raw) is { } h and >= 0 and <= DutyService.MaxHoursPerDay) hours[key][i] = Math.Round(h, 2);
                else errors.Add(new FieldError($"{DayColumns[i]}{excelRow}", Messages.DutySheetHours));
            }
        }
        if (errors.Count > 0) return (null, errors, rowOf);
        return (new DutyWeekForm(week.Key, hours.Select(h => new DutyRowForm(h.Key, h.Value)).ToList()), [], rowOf);
    }

    /// <summary>The cell ("D5") of a grid error ("deploymentId/yyyy-MM-dd") of the save that followed a clean read.</summary>
    public static string CellOf(string field, DateOnly weekStart, IReadOnlyDictionary<Guid, int> rowOf)
    {
        var parts = field.Split('/');
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var key) || !rowOf.TryGetValue(key, out var row)) return "";
        var day = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{DayColumns[day.DayNumber - weekStart.DayNumber]}{row}";
    }

    private static string? Text(IDictionary<string, object?> cells, string column) =>
        cells.TryGetValue(column, out var value) ? value switch
        {
            null => null,
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString()?.Trim(),
        } : null;

    private static decimal? Number(object value) => value switch
    {
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => (decimal)d,
        int i => i,
        long l => l,
        decimal m => m,
        string s when decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
