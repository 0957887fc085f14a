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
                name: "IX_AgreementTasks_DueDate_Status_AgreementId",
                table: "AgreementTasks",
                columns: new[] { "DueDate", "Status", "AgreementId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Pairings_StartDate",
                table: "Pairings");

            migrationBuilder.DropIndex(
                name: "IX_AgreementTasks_DueDate_Status_AgreementId",
                table: "AgreementTasks");
        }
    }
}
