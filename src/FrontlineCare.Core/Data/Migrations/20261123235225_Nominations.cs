using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Nominations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "staff_category",
                table: "workers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AlterColumn<string>(
                name: "value",
                table: "policy_parameter_changes",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.CreateTable(
                name: "nominations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    nominee_kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collective_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    deeds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    required_levels = table.Column<int>(type: "integer", nullable: false),
                    last_reviewer_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nominating_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submissions = table.Column<int>(type: "integer", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    facts_deployments = table.Column<int>(type: "integer", nullable: false),
                    facts_duty_days = table.Column<int>(type: "integer", nullable: false),
                    facts_duty_hours = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    facts_first_deployed = table.Column<DateOnly>(type: "date", nullable: true),
                    facts_high_risk_days = table.Column<int>(type: "integer", nullable: false),
                    facts_overload_cases = table.Column<int>(type: "integer", nullable: false),
                    facts_people = table.Column<int>(type: "integer", nullable: false),
                    facts_places = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nominations", x => x.id);
                    table.CheckConstraint("ck_nominations_level", "level >= 1 AND level <= required_levels");
                    table.CheckConstraint("ck_nominations_nominee", "(nominee_kind = 'Individual') = (worker_id IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_nominations_units_nominating_unit_id",
                        column: x => x.nominating_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    content_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_files", x => x.id);
                    table.CheckConstraint("ck_stored_files_size", "size > 0 AND size <= 10485760");
                });

            migrationBuilder.CreateTable(
                name: "nomination_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nomination_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_nomination_steps_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "nomination_attachments",
                columns: table => new
                {
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nomination_attachments", x => new { x.nomination_id, x.file_id });
                    table.ForeignKey(
                        name: "fk_nomination_attachments_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nomination_attachments_stored_files_file_id",
                        column: x => x.file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_nomination_attachments_file_id",
                table: "nomination_attachments",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_nomination_steps_nomination_id",
                table: "nomination_steps",
                column: "nomination_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_in_review",
                table: "nominations",
                columns: new[] { "submitted_at", "id" },
                filter: "status = 'InReview'");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_nominating_unit_id",
                table: "nominations",
                column: "nominating_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_unit_id_submitted_at",
                table: "nominations",
                columns: new[] { "unit_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_nominations_unit_id_year_kind",
                table: "nominations",
                columns: new[] { "unit_id", "year", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_nominations_worker_id_year_kind",
                table: "nominations",
                columns: new[] { "worker_id", "year", "kind" },
                unique: true,
                filter: "worker_id IS NOT NULL AND status IN ('InReview', 'Returned', 'Approved')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nomination_attachments");

            migrationBuilder.DropTable(
                name: "nomination_steps");

            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropTable(
                name: "nominations");

            migrationBuilder.DropColumn(
                name: "staff_category",
                table: "workers");

            migrationBuilder.AlterColumn<string>(
                name: "value",
                table: "policy_parameter_changes",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);
        }
    }
}
