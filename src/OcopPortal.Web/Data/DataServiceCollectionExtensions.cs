using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OcopPortal.Web.Data.Recognition;
using OcopPortal.Web.Data.Rules;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="OcopDbContext"/> as the provider-specific context chosen by <c>Database:Provider</c>.</summary>
    public static IServiceCollection AddOcopDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var options = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<AuditAppendOnlyInterceptor>();
        services.AddSingleton<PublishedRulesGuard>();
        services.AddSingleton<StoredFileImmutableGuard>();
        services.AddSingleton<IssuedRecordsGuard>();
        services.AddSingleton<Traceability.TraceRecordsGuard>();
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<Dossiers.DossierStepTimes>();
        services.AddSingleton<Stamps.DataStampInterceptor>();

        switch (options.Provider)
        {
            case DatabaseProviders.Sqlite:
                var sqlite = SqliteConnectionString(config.GetConnectionString(DatabaseProviders.Sqlite), env.ContentRootPath);
                services.AddDbContextPool<OcopDbContext, SqliteOcopDbContext>((sp, o) => o
                    .UseSqlite(sqlite, x => x.MigrationsHistoryTable("__EFMigrationsHistory"))
                    .AddInterceptors(Guards(sp))
                    .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
                break;
            case DatabaseProviders.SqlServer:
                var sqlServer = config.GetConnectionString(DatabaseProviders.SqlServer)
                    ?? throw new InvalidOperationException("ConnectionStrings:SqlServer is required when Database:Provider is SqlServer.");
                services.AddDbContextPool<OcopDbContext, SqlServerOcopDbContext>((sp, o) => o
                    .UseSqlServer(sqlServer, x => x.EnableRetryOnFailure())
                    .AddInterceptors(Guards(sp)));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or SqlServer.");
        }

        return services;
    }

    private static IInterceptor[] Guards(IServiceProvider sp) =>
    [
        sp.GetRequiredService<AuditAppendOnlyInterceptor>(),
        sp.GetRequiredService<PublishedRulesGuard>(),
        sp.GetRequiredService<StoredFileImmutableGuard>(),
        sp.GetRequiredService<IssuedRecordsGuard>(),
        sp.GetRequiredService<Traceability.TraceRecordsGuard>(),
        sp.GetRequiredService<Dossiers.DossierStepTimes>(),
        sp.GetRequiredService<Stamps.DataStampInterceptor>(), // after the guards: it only adds the stamp to a save they let through
    ];

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/ocop.db");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
