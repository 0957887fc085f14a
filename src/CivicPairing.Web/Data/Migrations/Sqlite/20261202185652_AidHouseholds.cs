using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AidHouseholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AidHouseholdId",
                table: "EvidenceFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AidHouseholdId",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AidHouseholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    PairingId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberNames = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Difficulties = table.Column<int>(type: "INTEGER", nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    ResponsibleName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ResponsiblePhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    IncomePerPerson = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidHouseholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidHouseholds_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AidHouseholds_Pairings_PairingId",
                        column: x => x.PairingId,
                        principalTable: "Pairings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AidMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AidHouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidMeasures_AidHouseholds_AidHouseholdId",
                        column: x => x.AidHouseholdId,
                        principalTable: "AidHouseholds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_AidHouseholdId",
                table: "EvidenceFiles",
                column: "AidHouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_AidHouseholdId",
                table: "Activities",
                column: "AidHouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_AidHouseholds_CommunityId_Status",
                table: "AidHouseholds",
                columns: new[] { "CommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AidHouseholds_PairingId_Status",
                table: "AidHouseholds",
                columns: new[] { "PairingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AidHouseholds_Status",
                table: "AidHouseholds",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_AidMeasures_AidHouseholdId_DoneOn_TargetDate",
                table: "AidMeasures",
                columns: new[] { "AidHouseholdId", "DoneOn", "TargetDate" });

            migrationBuilder.AddForeignKey(
                name: "FK_Activities_AidHouseholds_AidHouseholdId",
                table: "Activities",
                column: "AidHouseholdId",
                principalTable: "AidHouseholds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceFiles_AidHouseholds_AidHouseholdId",
                table: "EvidenceFiles",
                column: "AidHouseholdId",
                principalTable: "AidHouseholds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Activities_AidHouseholds_AidHouseholdId",
                table: "Activities");

            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceFiles_AidHouseholds_AidHouseholdId",
                table: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "AidMeasures");

            migrationBuilder.DropTable(
                name: "AidHouseholds");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_AidHouseholdId",
                table: "EvidenceFiles");

            migrationBuilder.DropIndex(
                name: "IX_Activities_AidHouseholdId",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "AidHouseholdId",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "AidHouseholdId",
                table: "Activities");
        }
    }
}
