using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ErrorToleranceCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_handlers",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_handlers", x => new { x.case_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_case_handlers_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tolerance_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    facts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    action = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    mistake = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    impact = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    verified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    verification_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    notified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    filed_with = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    rectification_plan = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    rectification_due = table.Column<DateOnly>(type: "date", nullable: true),
                    rectified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tolerance_cases", x => x.id);
                    table.CheckConstraint("ck_tolerance_cases_decided", "(stage IN ('Opened', 'Verified')) = (outcome IS NULL AND decided_on IS NULL)");
                    table.CheckConstraint("ck_tolerance_cases_filed", "(stage = 'Filed') = (filed_on IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_tolerance_cases_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tolerance_criteria",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    condition = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    exclusion = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    finding = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tolerance_criteria", x => x.id);
                    table.CheckConstraint("ck_tolerance_criteria_kind", "(condition IS NULL) <> (exclusion IS NULL)");
                    table.ForeignKey(
                        name: "fk_tolerance_criteria_tolerance_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "tolerance_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_handlers_user_id",
                table: "case_handlers",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tolerance_cases_worker_id_opened_on",
                table: "tolerance_cases",
                columns: new[] { "worker_id", "opened_on" });

            migrationBuilder.CreateIndex(
                name: "ix_tolerance_criteria_case_id_order",
                table: "tolerance_criteria",
                columns: new[] { "case_id", "order" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_handlers");

            migrationBuilder.DropTable(
                name: "tolerance_criteria");

            migrationBuilder.DropTable(
                name: "tolerance_cases");
        }
    }
}
