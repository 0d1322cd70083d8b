using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClarificationCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clarification_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    allegation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    same_matter_as_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    conclusion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    conclusion_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    consent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    methods = table.Column<string[]>(type: "text[]", nullable: false),
                    audience = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cleared_on = table.Column<DateOnly>(type: "date", nullable: true),
                    referral = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    referred_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clarification_cases", x => x.id);
                    table.CheckConstraint("ck_clarification_cases_clearable", "stage IN ('Received', 'Concluded') OR conclusion IN ('SeriouslyUntrue', 'Untrue', 'Fabricated')");
                    table.ForeignKey(
                        name: "fk_clarification_cases_clarification_cases_same_matter_as_id",
                        column: x => x.same_matter_as_id,
                        principalTable: "clarification_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_clarification_cases_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clarification_cases_same_matter_as_id",
                table: "clarification_cases",
                column: "same_matter_as_id");

            migrationBuilder.CreateIndex(
                name: "ix_clarification_cases_worker_id_received_on",
                table: "clarification_cases",
                columns: new[] { "worker_id", "received_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clarification_cases");
        }
    }
}
