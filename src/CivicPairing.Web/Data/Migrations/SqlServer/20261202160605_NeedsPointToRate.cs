using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NeedsPointToRate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NeedId",
                table: "EvidenceFiles",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Needs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommunityId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Place = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    WantedBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Skills = table.Column<int>(type: "int", nullable: false),
                    Budget = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PostedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DispatchedToUnitId = table.Column<int>(type: "int", nullable: true),
                    TakenByUnitId = table.Column<int>(type: "int", nullable: true),
                    TakenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReportNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Rating = table.Column<int>(type: "int", nullable: true),
                    RatingComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Needs_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Needs_Units_DispatchedToUnitId",
                        column: x => x.DispatchedToUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Needs_Units_TakenByUnitId",
                        column: x => x.TakenByUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NeedId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    From = table.Column<int>(type: "int", nullable: true),
                    To = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedEvents_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_NeedId",
                table: "EvidenceFiles",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedEvents_NeedId_At",
                table: "NeedEvents",
                columns: new[] { "NeedId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_CommunityId_Status",
                table: "Needs",
                columns: new[] { "CommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_DispatchedToUnitId_Status",
                table: "Needs",
                columns: new[] { "DispatchedToUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_Status_WantedBy",
                table: "Needs",
                columns: new[] { "Status", "WantedBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_TakenByUnitId_Status_WantedBy",
                table: "Needs",
                columns: new[] { "TakenByUnitId", "Status", "WantedBy" });

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceFiles_Needs_NeedId",
                table: "EvidenceFiles",
                column: "NeedId",
                principalTable: "Needs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceFiles_Needs_NeedId",
                table: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "NeedEvents");

            migrationBuilder.DropTable(
                name: "Needs");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_NeedId",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "NeedId",
                table: "EvidenceFiles");
        }
    }
}
