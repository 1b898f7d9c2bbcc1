namespace OcopPortal.Web.Data.Stamps;

/// <summary>
/// A named version of a family of data: a new random value is written in the same transaction as every change to the
/// data it covers (<see cref="DataStampInterceptor"/>). Whatever is computed from that data can be cached under the
/// value it read first: a different value means something changed, on this instance or on another one.
/// </summary>
public class DataStamp
{
    /// <summary>The stamp of everything the reports dashboard counts (<see cref="DataStampInterceptor"/> says what is left out).</summary>
    public const string Reports = "reports";

    /// <summary>The value the migration seeds; any later value is random.</summary>
    public static readonly Guid Initial = new("0b5c2f6e-7a41-4d1e-9c3a-2f8e4b6d1a70");

    public string Name { get; set; } = "";

    public Guid Value { get; set; }
}
