using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CareVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "care_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    leader = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    gifts = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    fund_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_visits", x => x.id);
                    table.CheckConstraint("ck_care_visits_money", "(amount IS NULL OR (amount > 0 AND fund_entry_id IS NOT NULL)) AND (status <> 'Done' OR visited_on IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_care_visits_fund_entries_fund_entry_id",
                        column: x => x.fund_entry_id,
                        principalTable: "fund_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_care_visits_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_care_visits_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_care_visits_fund_entry_id",
                table: "care_visits",
                column: "fund_entry_id",
                unique: true,
                filter: "fund_entry_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_care_visits_unit_id_planned_on",
                table: "care_visits",
                columns: new[] { "unit_id", "planned_on" });

            migrationBuilder.CreateIndex(
                name: "ix_care_visits_worker_id_visited_on",
                table: "care_visits",
                columns: new[] { "worker_id", "visited_on" },
                filter: "status = 'Done' AND worker_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_visits");
        }
    }
}
