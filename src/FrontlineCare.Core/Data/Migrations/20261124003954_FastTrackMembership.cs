using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FastTrackMembership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fast_track_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    route = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    deeds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    waives_activist_minimum = table.Column<bool>(type: "boolean", nullable: false),
                    outside_annual_plan = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    opening_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    branch_meeting_on = table.Column<DateOnly>(type: "date", nullable: true),
                    eligible_members = table.Column<int>(type: "integer", nullable: true),
                    votes_for = table.Column<int>(type: "integer", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    deciding_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    probation_ends = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fast_track_cases", x => x.id);
                    table.CheckConstraint("ck_fast_track_votes", "votes_for IS NULL OR (eligible_members > 0 AND votes_for BETWEEN 0 AND eligible_members)");
                    table.ForeignKey(
                        name: "fk_fast_track_cases_units_opening_unit_id",
                        column: x => x.opening_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fast_track_cases_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "membership_tracks",
                columns: table => new
                {
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: true),
                    activist_since = table.Column<DateOnly>(type: "date", nullable: true),
                    training_hours = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    contacts = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_membership_tracks", x => x.worker_id);
                    table.ForeignKey(
                        name: "fk_membership_tracks_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fast_track_cases_one_open",
                table: "fast_track_cases",
                column: "worker_id",
                unique: true,
                filter: "status IN ('Open', 'BranchVoted')");

            migrationBuilder.CreateIndex(
                name: "ix_fast_track_cases_opening_unit_id",
                table: "fast_track_cases",
                column: "opening_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_fast_track_cases_worker_id_opened_at",
                table: "fast_track_cases",
                columns: new[] { "worker_id", "opened_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fast_track_cases");

            migrationBuilder.DropTable(
                name: "membership_tracks");
        }
    }
}
