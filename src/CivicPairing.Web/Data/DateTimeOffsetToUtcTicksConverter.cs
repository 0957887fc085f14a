using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivicPairing.Web.Data;

/// <summary>Stores instants as UTC ticks so SQLite can sort and compare them; read back as UTC.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
