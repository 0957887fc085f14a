namespace CivicPairing.Domain;

/// <summary>
/// A rule said no. The message is an English sentence with {0}-style placeholders, which the web
/// layer shows translated with <see cref="Arguments"/>; so every refusal reads the same in every screen.
/// </summary>
public sealed class DomainException(string message, params object[] arguments) : Exception(message)
{
    public IReadOnlyList<object> Arguments { get; } = arguments;

    /// <summary>The property the refusal is about (e.g. <c>StartDate</c>), so a form can show it beside that field; null when it is about the whole.</summary>
    public string? Field { get; init; }
}
