using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HouseholdVisitsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_AidHouseholdId",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_AidHouseholdId_Status_Date",
                table: "Activities",
                columns: new[] { "AidHouseholdId", "Status", "Date" },
                filter: "AidHouseholdId IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_AidHouseholdId_Status_Date",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_AidHouseholdId",
                table: "Activities",
                column: "AidHouseholdId");
        }
    }
}
