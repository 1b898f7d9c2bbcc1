namespace OcopPortal.Web;

/// <summary>
/// Marker for the shared string table. Keys are the Vietnamese texts themselves (vi-VN is the default
/// and needs no resource file); <c>Resources/SharedResource.en.resx</c> holds the English translations.
/// </summary>
public sealed class SharedResource;
