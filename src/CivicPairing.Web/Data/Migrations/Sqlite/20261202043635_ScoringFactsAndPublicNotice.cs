using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScoringFactsAndPublicNotice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgreementTasks_Status_DueDate",
                table: "AgreementTasks");

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

            migrationBuilder.CreateTable(
                name: "FactsSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FactsVersionNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    GatheredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FactsSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FactsVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FactsVersion", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "FactsVersion",
                columns: new[] { "Id", "Number" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTasks_Status_DueDate_AgreementId",
                table: "AgreementTasks",
                columns: new[] { "Status", "DueDate", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_PairingId_Status_Date",
                table: "Activities",
                columns: new[] { "PairingId", "Status", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Status_Date",
                table: "Activities",
                columns: new[] { "Status", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_FactsSnapshots_Kind_Key_AsOf",
                table: "FactsSnapshots",
                columns: new[] { "Kind", "Key", "AsOf" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FactsSnapshots");

            migrationBuilder.DropTable(
                name: "FactsVersion");

            migrationBuilder.DropIndex(
                name: "IX_AgreementTasks_Status_DueDate_AgreementId",
                table: "AgreementTasks");

            migrationBuilder.DropIndex(
                name: "IX_Activities_PairingId_Status_Date",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_Status_Date",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "PublishedReports");

            migrationBuilder.DropColumn(
                name: "MadePublicAt",
                table: "PublishedReports");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTasks_Status_DueDate",
                table: "AgreementTasks",
                columns: new[] { "Status", "DueDate" });
        }
    }
}
