using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Features.AdminUnits;
using OcopPortal.Web.Features.Bench;
using OcopPortal.Web.Features.Catalogue;
using OcopPortal.Web.Features.Certificates;
using OcopPortal.Web.Features.Councils;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Features.Producers;
using OcopPortal.Web.Features.Recognition;
using OcopPortal.Web.Features.Recognition.LegacyImport;
using OcopPortal.Web.Features.Recognition.Lifecycle;
using OcopPortal.Web.Features.Reports;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Email;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Localization;
using OcopPortal.Web.Infrastructure.Notifications;
using OcopPortal.Web.Infrastructure.Pdf;
using OcopPortal.Web.Infrastructure.Validation;
using Serilog;

namespace OcopPortal.Web.Infrastructure.Web;

public static class WebSetup
{
    public static IServiceCollection AddOcopWeb(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        // Emit Vietnamese as text, not &#x...; entities (readable source, smaller pages); HTML-significant characters stay encoded.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<FluentValidationFilter>();
                o.Conventions.Add(new FeatureConvention());
                o.ModelBinderProviders.Insert(0, new DecimalBinderProvider());
                o.Conventions.Add(new BenchEndpointConvention(config));
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                VietnameseBindingMessages.Apply(o.ModelBindingMessageProvider);
            })
            .AddViewLocalization()
            .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        services.AddValidatorsFromAssemblyContaining<Program>();
        services.AddHealthChecks().AddDbContextCheck<OcopDbContext>("database");

        services.Configure<SeedOptions>(config.GetSection(SeedOptions.Section));
        services.Configure<PortalOptions>(config.GetSection(PortalOptions.Section));
        services.AddScoped<ProducerProfiles>();
        services.AddScoped<CurrentRules>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoDossiers>();
        services.AddScoped<DemoCouncil>();
        services.AddScoped<DemoRecognition>();
        services.AddScoped<DemoTraceability>();
        services.AddScoped<RulesSeeder>();
        services.AddScoped<AdminUnitsSeeder>();
        services.AddScoped<AdminUnitCatalog>();
        services.AddScoped<AdminUnitImporter>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Notifier>();
        services.AddSingleton(_ => HolidayCalendar.Load(Path.Combine(AppContext.BaseDirectory, HolidayCalendar.DefaultRelativePath)));
        services.AddSingleton<WorkingDays>();
        services.AddScoped<DossierAccess>();
        services.AddScoped<DossierService>();
        services.AddScoped<DossierPages>();
        services.AddSingleton<ScoringCache>();
        services.AddScoped<CouncilRounds>();
        services.AddScoped<CouncilRecords>();
        services.AddScoped<MemberScoring>();
        services.AddScoped<DossierForms>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<RecognitionDecisions>();
        services.AddScoped<DecisionPdf>();
        services.AddScoped<CertificateRegistry>();
        services.AddScoped<CertificatePages>();
        services.AddSingleton<CertificatePdf>();
        services.AddSingleton<Features.Traceability.TraceLabelPdf>();
        services.AddSingleton<Features.Traceability.TraceUrls>();
        services.AddScoped<Features.Traceability.TraceRecords>();
        services.AddOcopVerificationRateLimit();
        services.Configure<CertificateLifecycleOptions>(config.GetSection(CertificateLifecycleOptions.Section));
        services.AddScoped<CertificateLifecycleJob>();
        services.AddHostedService<CertificateLifecycleScheduler>();
        services.AddScoped<LegacyCertificateImporter>();
        services.AddScoped<ReportScopes>();
        services.AddScoped<ReportQueries>();
        services.AddSingleton<DashboardCache>();
        services.AddSingleton<FinalisedRoundFacts>();
        services.AddScoped<DashboardReader>();
        services.AddScoped<StandardReports>();
        services.AddScoped<ReportDocuments>();
        services.AddScoped<FrozenResults>();
        services.AddSingleton<FrozenResultCache>();
        services.AddCatalogue();

        services.Configure<EmailOptions>(config.GetSection(EmailOptions.Section));
        services.AddScoped<EmailOutbox>();
        if (string.Equals(config[$"{EmailOptions.Section}:Mode"], "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddScoped<IMailTransport, SmtpTransport>();
        }
        else
        {
            services.AddScoped<IMailTransport, PickupFolderTransport>();
        }

        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddOcopPdf();
        services.AddOcopFiles(config);
        return services;
    }

    /// <summary>The request pipeline, in the order described in docs/architecture.md.</summary>
    public static WebApplication UseOcopPipeline(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseOcopUploadLimit();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRequestLocalization(LocalizationSetup.Options());
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache(); // after authentication (signed-in users bypass it) and localisation (it varies by language)
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapControllers();
        // Unknown URLs are a plain 404 for everyone (otherwise the fallback policy would send visitors to the login page).
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
