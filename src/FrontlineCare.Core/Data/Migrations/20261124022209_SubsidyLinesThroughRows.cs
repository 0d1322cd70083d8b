using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubsidyLinesThroughRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_subsidy_lines_subsidy_sheets_sheet_id",
                table: "subsidy_lines");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_subsidy_lines_subsidy_sheets_sheet_id",
                table: "subsidy_lines",
                column: "sheet_id",
                principalTable: "subsidy_sheets",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
