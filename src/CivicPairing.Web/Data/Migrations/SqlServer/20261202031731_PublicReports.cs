using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MadePublicAt",
                table: "PublishedReports",
                type: "datetimeoffset",
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
