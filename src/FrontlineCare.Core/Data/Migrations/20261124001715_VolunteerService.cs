using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class VolunteerService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "volunteer_service_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    activity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    verified_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    source_system = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_service_records", x => x.id);
                    table.CheckConstraint("ck_volunteer_service_span", "ended_at > started_at AND hours >= 0 AND hours <= 24");
                    table.ForeignKey(
                        name: "fk_volunteer_service_records_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_service_records_worker_id_started_at",
                table: "volunteer_service_records",
                columns: new[] { "worker_id", "started_at" });

            // F9: the same hour of one person cannot be recorded twice, even by two saves at the same moment.
            migrationBuilder.Sql("""
                ALTER TABLE volunteer_service_records ADD CONSTRAINT ex_volunteer_service_no_overlap
                EXCLUDE USING gist (worker_id WITH =, tstzrange(started_at, ended_at) WITH &&);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volunteer_service_records");
        }
    }
}
