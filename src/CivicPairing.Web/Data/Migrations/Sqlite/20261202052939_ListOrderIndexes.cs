using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Pairings_StartDate",
                table: "Pairings",
                column: "StartDate");

            migrationBuilder.CreateIndex(
                name: "IX_Pairings_Status",
                table: "Pairings",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTasks_DueDate_Status_AgreementId",
                table: "AgreementTasks",
                columns: new[] { "DueDate", "Status", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_StartDate",
                table: "Agreements",
                columns: new[] { "Status", "StartDate" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Pairings_StartDate",
                table: "Pairings");

            migrationBuilder.DropIndex(
                name: "IX_Pairings_Status",
                table: "Pairings");

            migrationBuilder.DropIndex(
                name: "IX_AgreementTasks_DueDate_Status_AgreementId",
                table: "AgreementTasks");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Status_StartDate",
                table: "Agreements");
        }
    }
}
