using ExcelDataReader;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Reads the first worksheet of a legacy Excel 97–2003 .xls workbook with ExcelDataReader (dates from date-formatted
/// cells, the workbook's code page for old text). Rows come back as <see cref="XlsxReader.ReadFirstSheet"/> returns them.
/// </summary>
public static class XlsReader
{
    const long MaxCells = 2_000_000;

    public static IReadOnlyList<IReadOnlyList<string>> ReadFirstSheet(Stream input, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        Encodings.Register(); // BIFF files name their text's code page (936 for Chinese Excel); .NET has it only through the provider
        try
        {
            using var reader = ExcelReaderFactory.CreateBinaryReader(input, new ExcelReaderConfiguration { LeaveOpen = true });
            return SheetRows.Collect(Rows(reader), maxRows, MaxCells);
        }
        catch (SpreadsheetFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            throw new SpreadsheetFormatException("The file is not a readable .xls workbook.", e);
        }
    }

    static IEnumerable<IEnumerable<object?>> Rows(IExcelDataReader reader)
    {
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.GetValue(i);
            yield return values;
        }
    }
}
