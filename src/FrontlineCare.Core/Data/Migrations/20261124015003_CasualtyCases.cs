using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CasualtyCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "casualty_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    track = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    unit_filed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    person_filed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    liaison = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    liaison_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_casualty_cases", x => x.id);
                    table.CheckConstraint("ck_casualty_cases_track", "track = 'WorkInjury' OR kind = 'Death'");
                    table.ForeignKey(
                        name: "fk_casualty_cases_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "casualty_case_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_casualty_case_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_casualty_case_steps_casualty_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "casualty_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "casualty_follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_casualty_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_casualty_follow_ups_casualty_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "casualty_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_casualty_case_steps_case_id_step",
                table: "casualty_case_steps",
                columns: new[] { "case_id", "step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_casualty_cases_open",
                table: "casualty_cases",
                column: "occurred_on",
                filter: "closed_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_casualty_cases_worker_id_occurred_on",
                table: "casualty_cases",
                columns: new[] { "worker_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_casualty_follow_ups_case_id_on",
                table: "casualty_follow_ups",
                columns: new[] { "case_id", "on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "casualty_case_steps");

            migrationBuilder.DropTable(
                name: "casualty_follow_ups");

            migrationBuilder.DropTable(
                name: "casualty_cases");
        }
    }
}
