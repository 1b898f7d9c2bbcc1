using SkiaSharp;

namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// One signer of a document: the capacity in bold capitals (lines split by '\n', e.g. "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
/// an italic note such as "(Ký, ghi rõ họ tên)", room for the handwritten signature and seal, then the name in bold.
/// </summary>
public sealed record SignatureParty(string Title, string? Note = null, string? Name = null);

/// <summary>
/// The signature area at the end of a Vietnamese form: place and date in italics over the main signer on the right
/// (55 %), an optional second signer on the left (45 %) level with the main signer's title; every line centred in its
/// column. The block is never split across pages.
/// </summary>
internal sealed record SignatureBlock(string? PlaceDateLine, SignatureParty Right, SignatureParty? Left, float SigningSpace) : IPdfBlock
{
    private static readonly TextStyle DateStyle = new(Size: 12, Italic: true, Align: TextAlign.Center, LineHeight: 1.3f, SpaceAfter: 0);
    private static readonly TextStyle TitleStyle = new(Size: 12, Bold: true, Align: TextAlign.Center, LineHeight: 1.3f, SpaceAfter: 0);
    private static readonly TextStyle NoteStyle = DateStyle with { Size = 11 };

    private sealed record Column(TextBlock Title, TextBlock? Note, TextBlock? Name, float SigningSpace)
    {
        public float Height => Title.Height + (Note?.Height ?? 0) + SigningSpace + (Name?.Height ?? 0);
    }

    public void Layout(LayoutContext ctx)
    {
        float leftWidth = ctx.Width * 0.45f, rightWidth = ctx.Width - leftWidth;
        var text = ctx.Text;
        var date = string.IsNullOrWhiteSpace(PlaceDateLine) ? null : text.Layout(PlaceDateLine, DateStyle, rightWidth);
        float dateHeight = date?.Height ?? 0;
        var right = Measure(text, Right, rightWidth);
        var left = Left is null ? null : Measure(text, Left, leftWidth);
        float total = dateHeight + Math.Max(right.Height, left?.Height ?? 0);
        ctx.EnsureSpace(total);
        float x0 = ctx.Left, x1 = ctx.Left + leftWidth, y0 = ctx.Y;
        ctx.Draw(c =>
        {
            if (date is not null)
            {
                text.Draw(c, date, x1, y0);
            }

            Draw(c, text, right, x1, y0 + dateHeight);
            if (left is not null)
            {
                Draw(c, text, left, x0, y0 + dateHeight);
            }
        });
        ctx.Advance(total + 6);
    }

    private Column Measure(TextEngine text, SignatureParty party, float width) => new(
        text.Layout(party.Title.ToUpperInvariant(), TitleStyle, width),
        string.IsNullOrWhiteSpace(party.Note) ? null : text.Layout(party.Note, NoteStyle, width),
        string.IsNullOrWhiteSpace(party.Name) ? null : text.Layout(party.Name, TitleStyle, width),
        SigningSpace);

    private static void Draw(SKCanvas c, TextEngine text, Column column, float x, float y)
    {
        text.Draw(c, column.Title, x, y);
        y += column.Title.Height;
        if (column.Note is not null)
        {
            text.Draw(c, column.Note, x, y);
            y += column.Note.Height;
        }

        if (column.Name is not null)
        {
            text.Draw(c, column.Name, x, y + column.SigningSpace);
        }
    }
}
