using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubsidySheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "subsidy_sheets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    people = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    generated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    generated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_sheets", x => x.id);
                    table.CheckConstraint("ck_subsidy_sheets_month", "extract(day FROM month) = 1");
                    table.ForeignKey(
                        name: "fk_subsidy_sheets_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_sheet_rows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    national_id_masked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_sheet_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_subsidy_sheet_rows_subsidy_sheets_sheet_id",
                        column: x => x.sheet_id,
                        principalTable: "subsidy_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subsidy_sheet_rows_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    days = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    multiplier_percent = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    parameter_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    adjusts_month = table.Column<DateOnly>(type: "date", nullable: true),
                    recomputed = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    paid = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_lines", x => x.id);
                    table.CheckConstraint("ck_subsidy_lines_money", "days >= 0 AND rate >= 0 AND (kind = 'Adjustment' OR amount >= 0)");
                    table.ForeignKey(
                        name: "fk_subsidy_lines_subsidy_sheet_rows_row_id",
                        column: x => x.row_id,
                        principalTable: "subsidy_sheet_rows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subsidy_lines_subsidy_sheets_sheet_id",
                        column: x => x.sheet_id,
                        principalTable: "subsidy_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_lines_adjusts_month",
                table: "subsidy_lines",
                column: "adjusts_month",
                filter: "adjusts_month IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_lines_row_id",
                table: "subsidy_lines",
                column: "row_id");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_lines_sheet_id_row_id",
                table: "subsidy_lines",
                columns: new[] { "sheet_id", "row_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_sheet_rows_sheet_id_number",
                table: "subsidy_sheet_rows",
                columns: new[] { "sheet_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_sheet_rows_sheet_id_worker_id",
                table: "subsidy_sheet_rows",
                columns: new[] { "sheet_id", "worker_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_sheet_rows_worker_id",
                table: "subsidy_sheet_rows",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_sheets_month",
                table: "subsidy_sheets",
                column: "month");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_sheets_unit_id_month",
                table: "subsidy_sheets",
                columns: new[] { "unit_id", "month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subsidy_lines");

            migrationBuilder.DropTable(
                name: "subsidy_sheet_rows");

            migrationBuilder.DropTable(
                name: "subsidy_sheets");
        }
    }
}
