using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OcopPortal.Web.Data;

// dotnet-ef builds each provider's context here without starting the web host, so no database or
// configuration is needed to add migrations, check for pending model changes or script SQL Server.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOcopDbContext>
{
    public SqliteOcopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOcopDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOcopDbContext>
{
    public SqlServerOcopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerOcopDbContext>()
            .UseSqlServer("Server=localhost;Database=Ocop;Trusted_Connection=False;Encrypt=False").Options);
}
