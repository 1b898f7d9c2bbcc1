using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataStamps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataStamps", x => x.Name);
                });

            migrationBuilder.InsertData(
                table: "DataStamps",
                columns: new[] { "Name", "Value" },
                values: new object[] { "reports", new Guid("0b5c2f6e-7a41-4d1e-9c3a-2f8e4b6d1a70") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataStamps");
        }
    }
}
