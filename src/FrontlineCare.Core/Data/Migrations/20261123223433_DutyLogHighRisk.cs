using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DutyLogHighRisk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_duty_logs_worker_id_day",
                table: "duty_logs");

            migrationBuilder.AddColumn<bool>(
                name: "high_risk",
                table: "duty_logs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Existing duty takes the risk class of its deployment.
            migrationBuilder.Sql("UPDATE duty_logs l SET high_risk = true FROM deployments d WHERE d.id = l.deployment_id AND d.risk_class = 'I'");

            migrationBuilder.CreateIndex(
                name: "ix_duty_logs_worker_id_day",
                table: "duty_logs",
                columns: new[] { "worker_id", "day" })
                .Annotation("Npgsql:IndexInclude", new[] { "hours", "high_risk" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_duty_logs_worker_id_day",
                table: "duty_logs");

            migrationBuilder.DropColumn(
                name: "high_risk",
                table: "duty_logs");

            migrationBuilder.CreateIndex(
                name: "ix_duty_logs_worker_id_day",
                table: "duty_logs",
                columns: new[] { "worker_id", "day" });
        }
    }
}
