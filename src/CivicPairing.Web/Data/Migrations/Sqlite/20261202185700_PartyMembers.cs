using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartyMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PartyMemberId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartyMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 11, nullable: false),
                    ResidenceCommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyMembers_Communities_ResidenceCommunityId",
                        column: x => x.ResidenceCommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartyMembers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MemberReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberReports_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberReports_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MemberServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedByMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberServices_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberServices_MemberReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "MemberReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberServices_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PartyMemberId",
                table: "AspNetUsers",
                column: "PartyMemberId",
                unique: true,
                filter: "PartyMemberId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MemberReports_CommunityId_Status",
                table: "MemberReports",
                columns: new[] { "CommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberReports_MemberId_ReportedAt",
                table: "MemberReports",
                columns: new[] { "MemberId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberReports_OneOpen",
                table: "MemberReports",
                column: "MemberId",
                unique: true,
                filter: "Status IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_MemberServices_CommunityId_Status_Date",
                table: "MemberServices",
                columns: new[] { "CommunityId", "Status", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberServices_MemberId_Date",
                table: "MemberServices",
                columns: new[] { "MemberId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberServices_ReportId",
                table: "MemberServices",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_ResidenceCommunityId",
                table: "PartyMembers",
                column: "ResidenceCommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_UnitId_IsActive_Name",
                table: "PartyMembers",
                columns: new[] { "UnitId", "IsActive", "Name" });

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_PartyMembers_PartyMemberId",
                table: "AspNetUsers",
                column: "PartyMemberId",
                principalTable: "PartyMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_PartyMembers_PartyMemberId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "MemberServices");

            migrationBuilder.DropTable(
                name: "MemberReports");

            migrationBuilder.DropTable(
                name: "PartyMembers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PartyMemberId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PartyMemberId",
                table: "AspNetUsers");
        }
    }
}
