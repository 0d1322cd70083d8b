using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubsidyRowsWithoutTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_subsidy_lines_subsidy_sheet_rows_row_id",
                table: "subsidy_lines");

            migrationBuilder.DropForeignKey(
                name: "fk_subsidy_sheet_rows_subsidy_sheets_sheet_id",
                table: "subsidy_sheet_rows");

            migrationBuilder.DropForeignKey(
                name: "fk_subsidy_sheet_rows_workers_worker_id",
                table: "subsidy_sheet_rows");

            migrationBuilder.DropIndex(
                name: "ix_subsidy_sheet_rows_worker_id",
                table: "subsidy_sheet_rows");

            migrationBuilder.DropIndex(
                name: "ix_subsidy_lines_row_id",
                table: "subsidy_lines");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_subsidy_sheet_rows_worker_id",
                table: "subsidy_sheet_rows",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_lines_row_id",
                table: "subsidy_lines",
                column: "row_id");

            migrationBuilder.AddForeignKey(
                name: "fk_subsidy_lines_subsidy_sheet_rows_row_id",
                table: "subsidy_lines",
                column: "row_id",
                principalTable: "subsidy_sheet_rows",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_subsidy_sheet_rows_subsidy_sheets_sheet_id",
                table: "subsidy_sheet_rows",
                column: "sheet_id",
                principalTable: "subsidy_sheets",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_subsidy_sheet_rows_workers_worker_id",
                table: "subsidy_sheet_rows",
                column: "worker_id",
                principalTable: "workers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
