using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CareFunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "care_funds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    balance = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    entries = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_funds", x => x.id);
                    table.CheckConstraint("ck_care_funds_balance", "balance >= 0");
                    table.ForeignKey(
                        name: "fk_care_funds_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fund_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fund_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    balance_after = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: true),
                    target_fund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    transfer_of_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reverses_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fund_entries", x => x.id);
                    table.CheckConstraint("ck_fund_entries_amount", "amount <> 0 AND balance_after >= 0");
                    table.CheckConstraint("ck_fund_entries_spending", "kind <> 'Spending' OR (purpose IS NOT NULL AND unit_id IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_fund_entries_care_funds_fund_id",
                        column: x => x.fund_id,
                        principalTable: "care_funds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fund_entries_care_funds_target_fund_id",
                        column: x => x.target_fund_id,
                        principalTable: "care_funds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fund_entries_fund_entries_reverses_entry_id",
                        column: x => x.reverses_entry_id,
                        principalTable: "fund_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fund_entries_fund_entries_transfer_of_entry_id",
                        column: x => x.transfer_of_entry_id,
                        principalTable: "fund_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fund_entries_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fund_entries_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_care_funds_unit_id_name",
                table: "care_funds",
                columns: new[] { "unit_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fund_entries_fund_id_number",
                table: "fund_entries",
                columns: new[] { "fund_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fund_entries_fund_id_occurred_on",
                table: "fund_entries",
                columns: new[] { "fund_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_fund_entries_reverses_entry_id",
                table: "fund_entries",
                column: "reverses_entry_id",
                unique: true,
                filter: "reverses_entry_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_fund_entries_target_fund_id",
                table: "fund_entries",
                column: "target_fund_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_entries_transfer_of_entry_id",
                table: "fund_entries",
                column: "transfer_of_entry_id",
                unique: true,
                filter: "transfer_of_entry_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_fund_entries_unit_id",
                table: "fund_entries",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_entries_worker_id_occurred_on",
                table: "fund_entries",
                columns: new[] { "worker_id", "occurred_on" },
                filter: "worker_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fund_entries");

            migrationBuilder.DropTable(
                name: "care_funds");
        }
    }
}
