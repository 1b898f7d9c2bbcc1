using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// What the reports read: one certificate per product (issued over the last five years by yearly recorded decisions;
/// 76 % 3★, 23 % 4★, 1 % 5★ as nationally; those issued more than 36 months ago expired, about 2 % revoked with their
/// revocation), and the closed round finalised with a frozen result per entry (parts and consolidated points drawn
/// from the entry's real criteria set). Runs after <see cref="CouncilGenerator"/>.
/// </summary>
public sealed class ReportsGenerator(OcopDbContext db) : IGenerator
{
    public async Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var f = context.Faker;
        var now = context.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime.Date);
        var products = await (from p in db.Set<Product>().AsNoTracking()
                              join pr in db.Set<Producer>() on p.ProducerId equals pr.Id
                              orderby p.Id
                              select new { p.Id, p.ProducerId, p.Name, Producer = pr.Name, pr.CommuneCode, pr.StreetAddress, p.RuleSetId, p.CriteriaSetNumber, p.CategoryCode })
            .ToListAsync(ct);
        var creator = context.Users.First().Id;
        var years = Enumerable.Range(today.Year - 4, 5).ToList();
        using (var decisions = context.Inserter<RecognitionDecision>())
        {
            foreach (var y in years)
            {
                decisions.Add(new RecognitionDecision
                {
                    Kind = DecisionKind.Recorded,
                    Status = DecisionStatus.Issued,
                    Number = $"{100 + y - years[0]}/QĐ-UBND",
                    DecisionDate = new DateOnly(y, 6, 30),
                    Title = $"Về việc công nhận sản phẩm OCOP năm {y}",
                    Authority = "Ủy ban nhân dân tỉnh",
                    AuthorityLevel = AuthorityLevel.Province,
                    SignatoryName = "Nguyễn Văn An",
                    SignatoryTitle = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
                    CreatedAt = now,
                    CreatedByUserId = creator,
                    IssuedAt = now,
                    Legacy = true,
                    Version = Guid.NewGuid(),
                });
            }
        }

        var decisionIds = await db.RecognitionDecisions.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Number, d.DecisionDate }).ToListAsync(ct);
        var certificates = new List<Certificate>(products.Count);
        var seq = 0;
        foreach (var p in products)
        {
            var d = f.PickRandom(decisionIds);
            var issued = d.DecisionDate.AddDays(f.Random.Int(0, 150));
            if (issued > today)
            {
                issued = today.AddDays(-f.Random.Int(1, 60));
            }

            var roll = f.Random.Double();
            var stars = roll < 0.01 ? 5 : roll < 0.24 ? 4 : 3;
            var validUntil = issued.AddMonths(36);
            var state = validUntil < today ? CertificateState.Expired : f.Random.Double() < 0.02 ? CertificateState.Revoked : CertificateState.Active;
            certificates.Add(new Certificate
            {
                Number = string.Create(CultureInfo.InvariantCulture, $"{++seq:00000}/{issued.Year}/GCN-OCOP"),
                Token = Guid.NewGuid().ToString("N"),
                DecisionId = d.Id,
                ProductId = p.Id,
                ProducerId = p.ProducerId,
                ProductName = p.Name,
                ProducerName = p.Producer,
                ProducerAddress = p.StreetAddress,
                CommuneCode = p.CommuneCode,
                RuleSetId = p.RuleSetId,
                CriteriaSetNumber = p.CriteriaSetNumber,
                CategoryCode = p.CategoryCode,
                Stars = stars,
                Score = stars == 5 ? 92 : stars == 4 ? 78 : 62,
                DecisionNumber = d.Number,
                DecisionDate = d.DecisionDate,
                IssuingAuthority = "Ủy ban nhân dân tỉnh",
                AuthorityLevel = stars == 5 ? AuthorityLevel.Ministry : AuthorityLevel.Province,
                IssuedOn = issued,
                ValidUntil = validUntil,
                State = state,
                StateChangedAt = state == CertificateState.Active ? null : now,
                Legacy = true,
                CreatedAt = now,
                Version = Guid.NewGuid(),
            });
        }

        using (var insert = context.Inserter<Certificate>())
        {
            insert.AddRange(certificates);
            GenerationContext.Report("certificates", insert.Count, context.Scale.Products);
        }

        var revokedIds = await db.Certificates.AsNoTracking().Where(c => c.State == CertificateState.Revoked).Select(c => c.Id).ToListAsync(ct);
        using (var revocations = context.Inserter<Revocation>())
        {
            revocations.AddRange(revokedIds.Select(id => new Revocation
            {
                CertificateId = id,
                Ground = RevocationGround.NoLongerMeetsCriteria,
                Details = "Không còn đáp ứng tiêu chí theo kết luận kiểm tra",
                DecisionNumber = "77/QĐ-UBND",
                DecisionDate = today.AddDays(-30),
                Authority = "Ủy ban nhân dân tỉnh",
                CreatedAt = now,
                CreatedByUserId = creator,
            }));
            GenerationContext.Report("revocations", revocations.Count);
        }

        // Finalise the closed round: a frozen result per entry, as RoundResults.Freeze writes it.
        var round = await db.EvaluationRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Closed).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return;
        }

        var entries = await (from e in db.RoundEntries.AsNoTracking()
                             join d in db.Dossiers on e.DossierId equals d.Id
                             where e.RoundId == round.Id
                             select new { e.Id, d.CriteriaSetId }).ToListAsync(ct);
        var sheets = new Dictionary<int, SheetDefinition>();
        foreach (var id in entries.Select(e => e.CriteriaSetId).Distinct())
        {
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.Nodes).ThenInclude(n => n.Options).SingleAsync(s => s.Id == id, ct);
            sheets[id] = SheetDefinition.From(set);
        }

        var connection = db.Database.GetDbConnection();
        using var update = connection.CreateCommand();
        update.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        update.CommandText = "UPDATE RoundEntries SET ResultMean = $mean, ResultStars = $stars, ResultDetail = $detail WHERE Id = $id";
        var pMean = update.CreateParameter();
        pMean.ParameterName = "$mean";
        var pStars = update.CreateParameter();
        pStars.ParameterName = "$stars";
        var pDetail = update.CreateParameter();
        pDetail.ParameterName = "$detail";
        var pId = update.CreateParameter();
        pId.ParameterName = "$id";
        update.Parameters.AddRange(new[] { pMean, pStars, pDetail, pId });
        foreach (var e in entries)
        {
            var sheet = sheets[e.CriteriaSetId];
            var points = sheet.Criteria.ToDictionary(c => c.Code, c => f.PickRandom(c.Options.Select(o => o.Points).DefaultIfEmpty(0)));
            var parts = sheet.PartMax.Keys.ToDictionary(p => p, p => (decimal)sheet.Criteria.Where(c => c.Part == p).Sum(c => points[c.Code]));
            var mean = parts.Values.Sum();
            var stars = mean >= 70 ? 4 : mean >= 50 ? 3 : 2;
            pMean.Value = mean;
            pStars.Value = stars;
            pDetail.Value = JsonSerializer.Serialize(new { Mean = mean, Min = mean, Max = mean, Spread = 0, PartMeans = parts, ConsolidatedPoints = points, Stars = stars, Outcome = "Certified", Proposal = $"Đề nghị công nhận {stars} sao", Participating = 9, Eligible = 9 });
            pId.Value = e.Id;
            await update.ExecuteNonQueryAsync(ct);
        }

        using var finalise = connection.CreateCommand();
        finalise.Transaction = update.Transaction;
        finalise.CommandText = $"UPDATE EvaluationRounds SET Status = {(int)RoundStatus.Finalised}, FinalisedAt = ClosedAt WHERE Id = {round.Id}";
        await finalise.ExecuteNonQueryAsync(ct);
        GenerationContext.Report("finalised round entries", entries.Count);
    }
}
