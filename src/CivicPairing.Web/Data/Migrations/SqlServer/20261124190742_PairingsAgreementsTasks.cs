using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PairingsAgreementsTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProposalNote",
                table: "Pairings",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProposedBy",
                table: "Pairings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PairingId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FocusAreas = table.Column<int>(type: "int", nullable: false),
                    Principles = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    VisitsPerMonth = table.Column<int>(type: "int", nullable: false),
                    CoordinationMeetingsPerQuarter = table.Column<int>(type: "int", nullable: false),
                    JointMeetingsPerHalfYear = table.Column<int>(type: "int", nullable: false),
                    Clauses = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    UnitSignatory = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    UnitSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommunitySignatory = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    CommunitySignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    TerminationReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    PreviousVersionId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Agreements_PreviousVersionId",
                        column: x => x.PreviousVersionId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Pairings_PairingId",
                        column: x => x.PairingId,
                        principalTable: "Pairings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PairingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PairingId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    From = table.Column<int>(type: "int", nullable: true),
                    To = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PairingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PairingEvents_Pairings_PairingId",
                        column: x => x.PairingId,
                        principalTable: "Pairings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AgreementId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ReportNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReportedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReturnReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementTasks_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementTaskEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TaskId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    From = table.Column<int>(type: "int", nullable: false),
                    To = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementTaskEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementTaskEvents_AgreementTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "AgreementTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pairings_OnePerPair",
                table: "Pairings",
                columns: new[] { "UnitId", "CommunityId" },
                unique: true,
                filter: "Status IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Number_VersionNumber",
                table: "Agreements",
                columns: new[] { "Number", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PairingId_Status",
                table: "Agreements",
                columns: new[] { "PairingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PreviousVersionId",
                table: "Agreements",
                column: "PreviousVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_EndDate",
                table: "Agreements",
                columns: new[] { "Status", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTaskEvents_TaskId_At",
                table: "AgreementTaskEvents",
                columns: new[] { "TaskId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTasks_AgreementId_Number",
                table: "AgreementTasks",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTasks_Status_DueDate",
                table: "AgreementTasks",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PairingEvents_PairingId_At",
                table: "PairingEvents",
                columns: new[] { "PairingId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementTaskEvents");

            migrationBuilder.DropTable(
                name: "PairingEvents");

            migrationBuilder.DropTable(
                name: "AgreementTasks");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Pairings_OnePerPair",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "ProposalNote",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "Pairings");
        }
    }
}
