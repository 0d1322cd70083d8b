using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FrontlineIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "frontline_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    victim = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    family_member = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    referral = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    referred_on = table.Column<DateOnly>(type: "date", nullable: true),
                    referred_to = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_frontline_incidents", x => x.id);
                    table.ForeignKey(
                        name: "fk_frontline_incidents_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_frontline_incidents_open",
                table: "frontline_incidents",
                column: "occurred_on",
                filter: "closed_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_frontline_incidents_worker_id_occurred_on",
                table: "frontline_incidents",
                columns: new[] { "worker_id", "occurred_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "frontline_incidents");
        }
    }
}
