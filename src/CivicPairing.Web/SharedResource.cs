namespace CivicPairing.Web;

/// <summary>
/// Marker for the one string table. Keys are the English text; Resources/SharedResource.zh-CN.resx
/// holds the Simplified Chinese, so English needs no file of its own.
/// </summary>
public sealed class SharedResource;
