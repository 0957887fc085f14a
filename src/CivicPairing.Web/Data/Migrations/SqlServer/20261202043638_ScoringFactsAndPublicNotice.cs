using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MadePublicAt",
                table: "PublishedReports",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FactsSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    FactsVersionNumber = table.Column<long>(type: "bigint", nullable: false),
                    GatheredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FactsSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FactsVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false)
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
