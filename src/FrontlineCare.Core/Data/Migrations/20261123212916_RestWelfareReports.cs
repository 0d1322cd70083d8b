using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RestWelfareReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rest_welfare_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    welfare_notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    review_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    submissions = table.Column<int>(type: "integer", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    figures_cases_closed = table.Column<int>(type: "integer", nullable: false),
                    figures_cases_open = table.Column<int>(type: "integer", nullable: false),
                    figures_duty_hours = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    figures_people_deployed = table.Column<int>(type: "integer", nullable: false),
                    figures_people_on_duty = table.Column<int>(type: "integer", nullable: false),
                    figures_people_overloaded = table.Column<int>(type: "integer", nullable: false),
                    figures_people_rested = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rest_welfare_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_rest_welfare_reports_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rest_welfare_reports_status_period_from",
                table: "rest_welfare_reports",
                columns: new[] { "status", "period_from" });

            migrationBuilder.CreateIndex(
                name: "ix_rest_welfare_reports_unit_id_period_from",
                table: "rest_welfare_reports",
                columns: new[] { "unit_id", "period_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rest_welfare_reports");
        }
    }
}
