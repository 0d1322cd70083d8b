using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PolicyChangesAndOneOpenCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policy_parameter_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_parameter_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_forced_rest_cases_one_open_per_worker",
                table: "forced_rest_cases",
                column: "worker_id",
                unique: true,
                filter: "status IN ('Open', 'RestScheduled')");

            migrationBuilder.CreateIndex(
                name: "ix_policy_parameter_changes_profile_key_effective_from",
                table: "policy_parameter_changes",
                columns: new[] { "profile", "key", "effective_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policy_parameter_changes");

            migrationBuilder.DropIndex(
                name: "ix_forced_rest_cases_one_open_per_worker",
                table: "forced_rest_cases");
        }
    }
}
