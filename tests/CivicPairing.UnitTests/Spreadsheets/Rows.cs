using CivicPairing.Web.Infrastructure.Spreadsheets;
namespace CivicPairing.UnitTests.Spreadsheets;

internal static class Rows
{
    public static async IAsyncEnumerable<IReadOnlyList<object?>> Of(params IReadOnlyList<object?>[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield(); // behave like a database cursor, not a completed list
            yield return row;
        }
    }
}
