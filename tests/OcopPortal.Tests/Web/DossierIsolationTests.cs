using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Tests.Infrastructure;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>
/// Nobody outside a dossier's scope reads, downloads or changes anything of it, on every dossier route the app
/// has (found from the endpoint table, so a new route is covered the day it is added), with guessed ids.
/// </summary>
public sealed partial class DossierIsolationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly DossierScenario _s = new(factory);

    /// <summary>Every endpoint under /dossiers/{id}: method and route template.</summary>
    private List<(string Method, string Template)> DossierRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("dossiers/{id", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct().ToList();

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    private sealed record Target(int Id, int SlotId, int FileId, Guid Version, DossierStatus Status, int Files, int Events, int Answers);

    private Task<Target> SnapshotAsync(int id) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var d = await db.Dossiers.AsNoTracking().Include(x => x.Slots).ThenInclude(s => s.Files).SingleAsync(x => x.Id == id);
        var slot = d.Slots.First(s => s.Files.Count > 0);
        return new Target(id, slot.Id, slot.Files.First().Id, d.Version, d.Status, d.Slots.Sum(s => s.Files.Count),
            await db.DossierEvents.CountAsync(e => e.DossierId == id), await db.Set<DossierAnswer>().CountAsync(a => a.DossierId == id));
    });

    /// <summary>Tries every dossier route against <paramref name="target"/> as <paramref name="intruder"/>; returns "METHOD url → status" for each that was not refused.</summary>
    private async Task<List<string>> LeaksAsync(Actor intruder, Target target, string tokenPage)
    {
        var token = (await intruder.Client.GetDocumentAsync(tokenPage)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var leaks = new List<string>();
        foreach (var (method, template) in DossierRoutes())
        {
            var url = "/" + Parameter().Replace(template, m => m.Groups[1].Value switch
            {
                "id" => target.Id.ToString(CultureInfo.InvariantCulture),
                "slotId" => target.SlotId.ToString(CultureInfo.InvariantCulture),
                "fileId" => target.FileId.ToString(CultureInfo.InvariantCulture),
                var other => throw new InvalidOperationException($"Unknown route parameter {other} in {template}: teach this test about it"),
            });
            HttpResponseMessage response;
            if (method == "GET")
            {
                response = await intruder.Client.GetAsync(url);
            }
            else
            {
                var body = new MultipartFormDataContent
                {
                    { new StringContent(token), "__RequestVerificationToken" },
                    { new StringContent(target.Version.ToString()), "Version" },
                    { new StringContent("Lý do"), "Reason" },
                    { new StringContent("x"), "Message" },
                    { new ByteArrayContent(TestFiles.Pdf()), "file", "x.pdf" },
                };
                foreach (var (name, value) in DossierScenario.Assessment)
                {
                    body.Add(new StringContent(value), name);
                }

                response = await intruder.Client.PostAsync(url, body);
            }

            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
            {
                leaks.Add($"{method} {url} → {(int)response.StatusCode}");
            }
        }

        return leaks;
    }

    [Fact]
    public async Task The_endpoint_table_has_the_dossier_routes_this_test_relies_on()
    {
        var templates = DossierRoutes().Select(r => r.Method + " " + r.Template).ToList();
        Assert.Contains("GET dossiers/{id:int}/files/{fileId:int}", templates);
        Assert.Contains("POST dossiers/{id:int}/slots/{slotId:int}/files", templates);
        Assert.Contains("POST dossiers/{id:int}/acceptance", templates);
        Assert.True(templates.Count >= 15, string.Join(", ", templates));
    }

    [Fact]
    public async Task Another_producer_gets_nothing_on_any_dossier_route()
    {
        var (owner, id) = await _s.SubmittedAsync();
        var (intruder, _) = await _s.ProducerAsync();
        var before = await SnapshotAsync(id);

        Assert.Empty(await LeaksAsync(intruder, before, "/dossiers"));
        Assert.Equal(before, await SnapshotAsync(id));
        Assert.Null((await intruder.Client.GetDocumentAsync("/dossiers")).QuerySelector($"tr[data-dossier='{id}']"));

        // The owner does see it and can download the file (so the refusals above are about scope, not broken routes).
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/dossiers/{id}/files/{before.FileId}")).StatusCode);
    }

    [Fact]
    public async Task A_producers_own_draft_is_hidden_from_everyone_else_even_the_office()
    {
        var (owner, producerId) = await _s.ProducerAsync();
        var id = await DossierScenario.OpenAsync(owner, await _s.ProductAsync(producerId));
        await _s.FillRequiredAsync(owner.Client, id);
        var before = await SnapshotAsync(id);
        var office = await _s.SignedInAsync(Roles.Office);
        var officer = await _s.CommuneOfficerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await office.Client.GetAsync($"/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Client.GetAsync($"/dossiers/{id}/files/{before.FileId}")).StatusCode);
        Assert.Empty(await LeaksAsync(office, before, "/dossiers"));
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task A_commune_officer_sees_only_their_communes_and_council_members_see_nothing()
    {
        var (_, id) = await _s.SubmittedAsync();
        var (_, elsewhere) = await _s.SubmittedAsync(DossierScenario.OtherCommune);
        var officer = await _s.CommuneOfficerAsync();
        var stranger = await _s.CommuneOfficerAsync(DossierScenario.OtherCommune);
        var before = await SnapshotAsync(id);

        var list = await officer.Client.GetDocumentAsync("/dossiers");
        Assert.NotNull(list.QuerySelector($"tr[data-dossier='{id}']"));
        Assert.Null(list.QuerySelector($"tr[data-dossier='{elsewhere}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Client.GetAsync($"/dossiers/{elsewhere}")).StatusCode);

        Assert.Empty(await LeaksAsync(stranger, before, "/dossiers"));
        Assert.Equal(before, await SnapshotAsync(id));

        foreach (var role in new[] { Roles.CouncilMember, Roles.CouncilChair })
        {
            var member = await _s.SignedInAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync("/dossiers")).StatusCode);
            Assert.Empty(await LeaksAsync(member, before, "/account/password"));
        }

        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task The_commune_officer_of_the_dossier_cannot_take_the_producers_or_the_offices_steps()
    {
        var (_, id) = await _s.SubmittedAsync();
        var officer = await _s.CommuneOfficerAsync();
        var before = await SnapshotAsync(id);

        foreach (var resource in new[] { "submission", "withdrawal", "acceptance", "rejection", "supplement-requests", "resubmission" })
        {
            var response = await officer.Client.PostCraftedAsync($"/dossiers/{id}", $"/dossiers/{id}/{resource}", new Dictionary<string, string> { ["Version"] = before.Version.ToString(), ["Reason"] = "x" });
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{resource}: {response.StatusCode}");
        }

        Assert.Equal(before, await SnapshotAsync(id));
    }
}
