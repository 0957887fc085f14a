namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// An uploaded spreadsheet could not be read: wrong format, damaged, or over a size limit.
/// The message is safe to show to the uploader.
/// </summary>
public sealed class SpreadsheetFormatException : Exception
{
    public SpreadsheetFormatException(string message) : base(message) { }

    public SpreadsheetFormatException(string message, Exception innerException) : base(message, innerException) { }
}
