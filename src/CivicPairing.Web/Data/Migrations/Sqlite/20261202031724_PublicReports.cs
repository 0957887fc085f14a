using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "PublishedReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "MadePublicAt",
                table: "PublishedReports",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "PublishedReports");

            migrationBuilder.DropColumn(
                name: "MadePublicAt",
                table: "PublishedReports");
        }
    }
}
