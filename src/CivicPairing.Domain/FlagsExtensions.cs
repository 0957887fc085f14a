namespace CivicPairing.Domain;

public static class FlagsExtensions
{
    /// <summary>The single flags set in a [Flags] value, lowest first, without the zero member.</summary>
    public static IEnumerable<T> Flagged<T>(this T value) where T : struct, Enum
    {
        var bits = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var flag in Enum.GetValues<T>())
        {
            var f = Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
            if (f != 0 && (f & (f - 1)) == 0 && (bits & f) == f)
            {
                yield return flag;
            }
        }
    }

    public static T Combine<T>(this IEnumerable<T> flags) where T : struct, Enum
    {
        long bits = 0;
        foreach (var flag in flags)
        {
            bits |= Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
        }
        return (T)Enum.ToObject(typeof(T), bits);
    }
}
