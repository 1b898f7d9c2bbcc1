using System.Globalization;
using Microsoft.Extensions.Localization;

namespace OcopPortal.Web.Infrastructure.Localization;

/// <summary>
/// A message for the user kept as its resource key (the Vietnamese template) and its arguments, so that it is
/// translated where it is shown (<c>l[template, args]</c>) instead of being frozen in Vietnamese when it is built.
/// An argument that is itself a <see cref="UserMessage"/> (a file kind, a list of accepted kinds) is translated too.
/// </summary>
public sealed record UserMessage(string Template, params object[] Args)
{
    public string Localize(IStringLocalizer l) => l[Template, [.. Args.Select(a => a is UserMessage m ? m.Localize(l) : a)]].Value;

    /// <summary>The Vietnamese text (logs, tests).</summary>
    public override string ToString() => string.Format(CultureInfo.CurrentCulture, Template, [.. Args.Select(a => a is UserMessage m ? m.ToString() : a)]);
}
