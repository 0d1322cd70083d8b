using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ForcedRestCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forced_rest_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    limit = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rest_from = table.Column<DateOnly>(type: "date", nullable: true),
                    rest_to = table.Column<DateOnly>(type: "date", nullable: true),
                    waiver_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forced_rest_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_forced_rest_cases_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_forced_rest_cases_status",
                table: "forced_rest_cases",
                column: "status",
                filter: "status IN ('Open', 'RestScheduled')");

            migrationBuilder.CreateIndex(
                name: "ix_forced_rest_cases_worker_id_kind_period_from",
                table: "forced_rest_cases",
                columns: new[] { "worker_id", "kind", "period_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forced_rest_cases");
        }
    }
}
