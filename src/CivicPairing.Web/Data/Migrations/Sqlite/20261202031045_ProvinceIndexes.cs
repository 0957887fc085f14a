using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicPairing.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvinceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgreementTasks_Status_DueDate",
                table: "AgreementTasks");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTasks_Status_DueDate_AgreementId",
                table: "AgreementTasks",
                columns: new[] { "Status", "DueDate", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Status_Date",
                table: "Activities",
                columns: new[] { "Status", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgreementTasks_Status_DueDate_AgreementId",
                table: "AgreementTasks");

            migrationBuilder.DropIndex(
                name: "IX_Activities_Status_Date",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTasks_Status_DueDate",
                table: "AgreementTasks",
                columns: new[] { "Status", "DueDate" });
        }
    }
}
