using Microsoft.EntityFrameworkCore;

namespace OcopPortal.Web.Data;

/// <summary>SQL Server flavour of the model; migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerOcopDbContext(DbContextOptions<SqlServerOcopDbContext> options) : OcopDbContext(options);
