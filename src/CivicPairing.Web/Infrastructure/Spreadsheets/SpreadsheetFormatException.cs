namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>Why an upload was refused, so the page can say what to do about it.</summary>
public enum SpreadsheetProblem
{
    /// <summary>Not the format its name says, damaged, or not a spreadsheet at all.</summary>
    Unreadable,
    /// <summary>More rows than an import takes.</summary>
    TooManyRows,
    /// <summary>Larger than allowed once unpacked (a zip bomb looks like this).</summary>
    TooLarge,
}

/// <summary>
/// An uploaded spreadsheet could not be read: wrong format, damaged, or over a size limit.
/// The message is safe to show to the uploader; <see cref="Problem"/> says which kind of refusal it is.
/// </summary>
public sealed class SpreadsheetFormatException : Exception
{
    public SpreadsheetFormatException(string message, SpreadsheetProblem problem = SpreadsheetProblem.Unreadable) : base(message) => Problem = problem;

    public SpreadsheetFormatException(string message, Exception innerException) : base(message, innerException) { }

    public SpreadsheetProblem Problem { get; }
}
