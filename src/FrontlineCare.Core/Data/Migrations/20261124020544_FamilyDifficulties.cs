using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FamilyDifficulties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "family_difficulties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    is_party_member = table.Column<bool>(type: "boolean", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    liaison = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    liaison_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_difficulties", x => x.id);
                    table.CheckConstraint("ck_family_difficulties_who", "worker_id IS NOT NULL OR person_name IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_family_difficulties_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_family_difficulties_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "family_difficulty_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    difficulty_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_difficulty_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_difficulty_actions_family_difficulties_difficulty_id",
                        column: x => x.difficulty_id,
                        principalTable: "family_difficulties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_family_difficulties_unit_id_opened_on",
                table: "family_difficulties",
                columns: new[] { "unit_id", "opened_on" });

            migrationBuilder.CreateIndex(
                name: "ix_family_difficulties_worker_id",
                table: "family_difficulties",
                column: "worker_id",
                filter: "worker_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_family_difficulty_actions_difficulty_id_on",
                table: "family_difficulty_actions",
                columns: new[] { "difficulty_id", "on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "family_difficulty_actions");

            migrationBuilder.DropTable(
                name: "family_difficulties");
        }
    }
}
