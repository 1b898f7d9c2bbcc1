using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Tests.Infrastructure;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>A signed-in person for the dossier tests: the client and the account behind it.</summary>
public sealed record Actor(HttpClient Client, string Email, string UserId);

/// <summary>
/// The people and steps of the dossier workflow, driven through the real HTTP pipeline like a browser would
/// (forms with their antiforgery tokens); only accounts, profiles and products are set up directly.
/// </summary>
public sealed class DossierScenario(PortalFactory factory)
{
    /// <summary>Xã Phú Lộc and Phường Cái Khế, communes of Cần Thơ in the template data.</summary>
    public const string Commune = "31756";

    public const string OtherCommune = "31120";

    public async Task<Actor> SignedInAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        var id = await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return new Actor(client, email, id);
    }

    /// <summary>A producer account with a profile in <paramref name="commune"/>; returns the actor and the producer id.</summary>
    public async Task<(Actor Actor, int ProducerId)> ProducerAsync(string commune = Commune)
    {
        var actor = await SignedInAsync(Roles.Producer);
        var producerId = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var producer = new Producer
            {
                OwnerUserId = actor.UserId,
                Type = ProducerType.Household,
                Name = "Hộ kinh doanh Bánh pía " + actor.Email[..6],
                TaxCode = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                RepresentativeName = "Nguyễn Thị Lan",
                RepresentativeGender = Gender.Female,
                ProvinceCode = "92",
                CommuneCode = commune,
                StreetAddress = "Ấp Phú Lộc",
                Phone = "0912345678",
                Email = actor.Email,
                Version = Guid.NewGuid(),
            };
            db.Add(producer);
            await db.SaveChangesAsync();
            return producer.Id;
        });
        return (actor, producerId);
    }

    /// <summary>A product under criteria set 6 (Chế biến từ gạo, ngũ cốc) of the rule set in force.</summary>
    public Task<int> ProductAsync(int producerId, string name = "Bánh pía sầu riêng") => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var ruleSetId = await db.RuleSets.Where(r => r.Status == RuleSetStatus.Published).OrderByDescending(r => r.EffectiveFrom).Select(r => r.Id).FirstAsync();
        var product = new Product
        {
            ProducerId = producerId,
            Name = name,
            RuleSetId = ruleSetId,
            CategoryCode = "I.3.b",
            CriteriaSetNumber = 6,
            Description = "Bánh pía nhân đậu xanh sầu riêng, hộp 4 cái.",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            Version = Guid.NewGuid(),
        };
        db.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    });

    public async Task<Actor> CommuneOfficerAsync(string commune = Commune)
    {
        var actor = await SignedInAsync(Roles.Commune);
        await factory.WithDbAsync(async db =>
        {
            db.StaffCommunes.Add(new StaffCommune { UserId = actor.UserId, CommuneCode = commune });
            await db.SaveChangesAsync();
        });
        return actor;
    }

    /// <summary>Opens a first-evaluation dossier for a 3★ target through the form; returns its id.</summary>
    public static async Task<int> OpenAsync(Actor producer, int productId, int targetStars = 3)
    {
        var response = await producer.Client.PostFormAsync("/dossiers/new", new Dictionary<string, string>
        {
            ["ProductId"] = productId.ToString(CultureInfo.InvariantCulture),
            ["Kind"] = nameof(DossierKind.FirstEvaluation),
            ["TargetStars"] = targetStars.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>The upload form of each slot on the dossier page: slot key → form action.</summary>
    public static async Task<Dictionary<string, string>> UploadActionsAsync(HttpClient client, int id)
    {
        var page = await client.GetDocumentAsync($"/dossiers/{id}");
        return page.QuerySelectorAll("[data-slot]").Where(li => li.QuerySelector("form[data-upload]") is not null)
            .ToDictionary(li => li.GetAttribute("data-slot")!, li => li.QuerySelector("form[data-upload]")!.GetAttribute("action")!);
    }

    public Task<List<DossierSlot>> SlotsAsync(int id) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().DossierSlots.AsNoTracking().Include(s => s.Files).Where(s => s.DossierId == id).OrderBy(s => s.SortOrder).ToListAsync());

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string action, string fileName, byte[] content, string? replaces = null) =>
        client.PostFileAsync($"/dossiers/{id}", action, "file", fileName, content,
            replaces is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["replaces"] = replaces });

    /// <summary>Uploads a PDF into every required slot (except <paramref name="skip"/>).</summary>
    public async Task FillRequiredAsync(HttpClient client, int id, params string[] skip)
    {
        var actions = await UploadActionsAsync(client, id);
        foreach (var slot in (await SlotsAsync(id)).Where(s => s.Required && !skip.Contains(s.Key)))
        {
            var response = await UploadAsync(client, id, actions[slot.Key], $"{slot.Key.Replace(':', '-')}.pdf", TestFiles.Pdf());
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    /// <summary>Answers the self-assessment with the option at <paramref name="pick"/> of every criterion (0 = first listed) and saves it.</summary>
    public static async Task<HttpResponseMessage> SelfAssessAsync(HttpClient client, int id, Func<int, int>? pick = null)
    {
        var page = await client.GetDocumentAsync($"/dossiers/{id}/self-assessment");
        var fields = new Dictionary<string, string>();
        foreach (var fieldset in page.QuerySelectorAll("fieldset[data-criterion]"))
        {
            var radios = fieldset.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().ToList();
            if (radios.Count > 0)
            {
                var chosen = radios[Math.Min(radios.Count - 1, pick?.Invoke(radios.Count) ?? 0)];
                fields[chosen.Name!] = chosen.Value;
            }
        }

        return await client.PostFormAsync($"/dossiers/{id}/self-assessment", fields);
    }

    public static Task<HttpResponseMessage> PostOnDossierAsync(HttpClient client, int id, string resource, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync($"/dossiers/{id}", fields ?? [], $"/dossiers/{id}/{resource}");

    /// <summary>A producer's dossier, filled, self-assessed and submitted to the commune.</summary>
    public async Task<(Actor Producer, int DossierId)> SubmittedAsync(string commune = Commune)
    {
        var (producer, producerId) = await ProducerAsync(commune);
        var id = await OpenAsync(producer, await ProductAsync(producerId));
        await FillRequiredAsync(producer.Client, id);
        await SelfAssessAsync(producer.Client, id);
        var response = await PostOnDossierAsync(producer.Client, id, "submission");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DossierStatus.AtCommune, await StatusAsync(id));
        return (producer, id);
    }

    /// <summary>A submitted dossier checked and forwarded by an officer of its commune.</summary>
    public async Task<(Actor Producer, Actor Officer, int DossierId)> ForwardedAsync()
    {
        var (producer, id) = await SubmittedAsync();
        var officer = await CommuneOfficerAsync();
        await officer.Client.PostFormAsync($"/dossiers/{id}/commune-assessment", Assessment);
        await PostOnDossierAsync(officer.Client, id, "forwarding");
        Assert.Equal(DossierStatus.AtProvince, await StatusAsync(id));
        return (producer, officer, id);
    }

    public static readonly Dictionary<string, string> Assessment = new()
    {
        ["RawMaterialOrigin"] = "Nguyên liệu đậu xanh, sầu riêng mua của nông dân trong xã.",
        ["LocalLabour"] = "6 lao động, đều là người địa phương.",
        ["IdeaOrigin"] = "Công thức gia truyền của gia đình từ năm 1960.",
        ["LocalIdentity"] = "Bánh pía là đặc sản của vùng Sóc Trăng cũ.",
        ["Conclusion"] = "Đề nghị tỉnh đánh giá, phân hạng sản phẩm.",
    };

    public Task<DossierStatus> StatusAsync(int id) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().Dossiers.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());

    public Task<Dossier> DossierAsync(int id) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Id == id));

    public static async Task<string?> FlashAsync(HttpClient client, HttpResponseMessage redirect)
    {
        var page = await client.GetDocumentAsync(redirect.Headers.Location!.OriginalString);
        return (page.QuerySelector("[data-testid=flash-error]") ?? page.QuerySelector("[data-testid=flash]"))?.TextContent.Trim();
    }
}
