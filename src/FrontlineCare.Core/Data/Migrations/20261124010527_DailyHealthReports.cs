using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DailyHealthReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "facts_health_report_days",
                table: "nominations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "daily_health_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    morning_temperature = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    evening_temperature = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    symptoms = table.Column<int>(type: "integer", nullable: false),
                    test_result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    test_date = table.Column<DateOnly>(type: "date", nullable: true),
                    findings = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_health_reports", x => x.id);
                    table.CheckConstraint("ck_daily_health_reports_temperature", "(morning_temperature IS NULL OR morning_temperature BETWEEN 34 AND 43) AND (evening_temperature IS NULL OR evening_temperature BETWEEN 34 AND 43)");
                    table.ForeignKey(
                        name: "fk_daily_health_reports_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_daily_health_reports_abnormal",
                table: "daily_health_reports",
                column: "day",
                filter: "findings <> 0");

            migrationBuilder.CreateIndex(
                name: "ix_daily_health_reports_worker_id_day",
                table: "daily_health_reports",
                columns: new[] { "worker_id", "day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_health_reports");

            migrationBuilder.DropColumn(
                name: "facts_health_report_days",
                table: "nominations");
        }
    }
}
