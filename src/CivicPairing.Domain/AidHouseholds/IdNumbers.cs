namespace CivicPairing.Domain.AidHouseholds;

/// <summary>
/// Resident ID numbers (居民身份证号) are sensitive personal data: only the masked form is ever stored
/// (<c>3201**********1234</c>: the first four and the last four characters), so no page, export or backup holds one in full.
/// </summary>
public static class IdNumbers
{
    public const int MaskedLength = 18;

    /// <summary>An 18-character number (17 digits and a digit or X) or an old 15-digit one.</summary>
    public static bool IsWellFormed(string? value)
    {
        var v = value?.Trim().ToUpperInvariant() ?? "";
        return v.Length switch
        {
            18 => v[..17].All(char.IsAsciiDigit) && (char.IsAsciiDigit(v[17]) || v[17] == 'X'),
            15 => v.All(char.IsAsciiDigit),
            _ => false,
        };
    }

    /// <summary>The first four and last four characters with stars between, as long as the number was.</summary>
    public static string Mask(string value)
    {
        var v = value.Trim().ToUpperInvariant();
        if (!IsWellFormed(v))
        {
            throw new DomainException("Enter an ID number of 18 characters (or an old one of 15 digits).") { Field = "IdNumber" };
        }
        return string.Concat(v.AsSpan(0, 4), new string('*', v.Length - 8), v.AsSpan(v.Length - 4));
    }
}
