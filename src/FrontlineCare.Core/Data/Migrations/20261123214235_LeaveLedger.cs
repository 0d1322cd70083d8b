using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeaveLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "service_start_date",
                table: "workers",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "holiday_calendar",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holiday_calendar", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leave_accounts",
                columns: table => new
                {
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    balance_days = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_accounts", x => x.worker_id);
                    table.CheckConstraint("ck_leave_accounts_never_negative", "balance_days >= 0");
                    table.ForeignKey(
                        name: "fk_leave_accounts_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leave_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    days = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    leave_to = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_leave_entries_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leave_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    decision_comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_leave_requests_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_holiday_calendar_profile_day",
                table: "holiday_calendar",
                columns: new[] { "profile", "day" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_leave_entries_one_expiry",
                table: "leave_entries",
                columns: new[] { "worker_id", "day" },
                unique: true,
                filter: "kind = 'Expired'");

            migrationBuilder.CreateIndex(
                name: "ix_leave_entries_worker_id_day",
                table: "leave_entries",
                columns: new[] { "worker_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_leave_requests_status",
                table: "leave_requests",
                column: "status",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_leave_requests_worker_id_from",
                table: "leave_requests",
                columns: new[] { "worker_id", "from" });

            // The national holiday calendars of 2020 (the epidemic year) and 2026; other years are added on the
            // policy page. A weekend day not listed is a rest day; a listed Workday is a working weekend day.
            migrationBuilder.InsertData(
                table: "holiday_calendar",
                columns: new[] { "id", "day", "kind", "name", "source" },
                values: new object[,]
                {
                    { new Guid("dce711c8-2906-56b4-b016-7d8a120575f9"), new DateOnly(2020, 1, 1), "Holiday", "元旦", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("af1c750f-7ff2-56a9-8f07-d23c4ea84664"), new DateOnly(2020, 1, 19), "Workday", "春节调休上班", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("758d7146-425f-5d9a-ad8a-50f1675422e7"), new DateOnly(2020, 1, 24), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("499fd366-6686-5b7f-8074-8ec5a07755c9"), new DateOnly(2020, 1, 25), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("fabf19c1-e25d-5545-aa6a-2af1623b977f"), new DateOnly(2020, 1, 26), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("60c921f8-3756-5361-8730-1f7169d77733"), new DateOnly(2020, 1, 27), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("c93fc76d-325d-58bc-b36b-4046d4b04f4a"), new DateOnly(2020, 1, 28), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("5a263f1d-c5ad-5883-aeff-8cc31801f8b0"), new DateOnly(2020, 1, 29), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("f8c2425d-5b6c-5044-a052-4450dbc1e91f"), new DateOnly(2020, 1, 30), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("d58ca5a1-9a32-5c7c-8361-e8202aa6c6ba"), new DateOnly(2020, 1, 31), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("498b9820-046d-584d-8005-4ea44c765a75"), new DateOnly(2020, 2, 1), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("0c3b3f48-6d3f-522e-a6f3-f13ae0d8eebb"), new DateOnly(2020, 2, 2), "Holiday", "春节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("1cff16a1-cd78-597b-a9da-6abb97e3ee17"), new DateOnly(2020, 4, 4), "Holiday", "清明节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("cbd5bf13-e868-5826-9095-384c4983eb9f"), new DateOnly(2020, 4, 5), "Holiday", "清明节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("f5751f16-bf21-54c2-95ff-26b781570958"), new DateOnly(2020, 4, 6), "Holiday", "清明节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("d59ded83-48c0-5727-a545-b79ff95731c6"), new DateOnly(2020, 4, 26), "Workday", "劳动节调休上班", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("ae58c5ce-ed83-5392-8eec-df648ff33ae2"), new DateOnly(2020, 5, 1), "Holiday", "劳动节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("414bb525-faa3-5836-8c87-882c81444250"), new DateOnly(2020, 5, 2), "Holiday", "劳动节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("f88cd510-7eea-55e6-bd27-19b002659b5d"), new DateOnly(2020, 5, 3), "Holiday", "劳动节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("012becd3-b878-5710-9666-bc5176e5a4e3"), new DateOnly(2020, 5, 4), "Holiday", "劳动节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("961f4545-3ed5-5fe6-8d06-7b0c9064cddb"), new DateOnly(2020, 5, 5), "Holiday", "劳动节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("cb75f15c-ca16-5565-95dc-1e67551717f3"), new DateOnly(2020, 5, 9), "Workday", "劳动节调休上班", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("702bf23f-1388-56a2-9631-6ad157283fb8"), new DateOnly(2020, 6, 25), "Holiday", "端午节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("797152d6-2c83-5832-88d2-60967959eba6"), new DateOnly(2020, 6, 26), "Holiday", "端午节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("37beebe3-d0e0-5e6e-bd33-23a619810725"), new DateOnly(2020, 6, 27), "Holiday", "端午节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("03514f2b-5c74-5839-95ab-8ed249c8c76b"), new DateOnly(2020, 6, 28), "Workday", "端午节调休上班", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("14092c83-3435-57a0-9331-6a639f54396e"), new DateOnly(2020, 9, 27), "Workday", "国庆节调休上班", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("8bcafd4a-be0e-58f4-8231-10f1d31941f1"), new DateOnly(2020, 10, 1), "Holiday", "国庆节、中秋节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("a08348d6-15f9-5a33-8654-664deba37f49"), new DateOnly(2020, 10, 2), "Holiday", "国庆节、中秋节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("2ea03cce-08bb-52f1-9c63-13320e5bc9bd"), new DateOnly(2020, 10, 3), "Holiday", "国庆节、中秋节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("f3528061-a262-56ee-b7a0-f8483243b4cb"), new DateOnly(2020, 10, 4), "Holiday", "国庆节、中秋节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("ecc88e0e-27b9-58d2-9193-df3f356bcbb3"), new DateOnly(2020, 10, 5), "Holiday", "国庆节、中秋节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("8a7a3224-ef51-5396-947c-2e9e53a4d441"), new DateOnly(2020, 10, 6), "Holiday", "国庆节、中秋节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("7973587e-3575-54dd-b66c-f55d746daf2c"), new DateOnly(2020, 10, 7), "Holiday", "国庆节、中秋节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("d7173122-3f32-52c4-b114-007acbfe559e"), new DateOnly(2020, 10, 8), "Holiday", "国庆节、中秋节", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("a4a7cce9-bcfb-5247-9cf6-b6f721e4cde7"), new DateOnly(2020, 10, 10), "Workday", "国庆节调休上班", "国办发明电〔2019〕16号 2020年部分节假日安排；春节假期延长至2月2日：国办发明电〔2020〕1号" },
                    { new Guid("7c8e61d9-74ef-57cc-bf51-ca5339f19fae"), new DateOnly(2026, 1, 1), "Holiday", "元旦", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("ae367d7c-d853-5943-a8e3-72a094f5c34c"), new DateOnly(2026, 1, 2), "Holiday", "元旦", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("63add995-01f1-5430-8024-bcea3d607c67"), new DateOnly(2026, 1, 3), "Holiday", "元旦", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("d4d13208-1c36-550a-99c2-8efbba1a5f8a"), new DateOnly(2026, 1, 4), "Workday", "元旦调休上班", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("dec8ba6b-116f-5713-9f3b-fc19917f7e4d"), new DateOnly(2026, 2, 14), "Workday", "春节调休上班", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("90d83899-dc34-5f82-b817-6098b008b468"), new DateOnly(2026, 2, 15), "Holiday", "春节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("e67db8ab-9cd0-5f40-9a88-1b66e72c52fb"), new DateOnly(2026, 2, 16), "Holiday", "春节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("cb29a0bd-ec9b-5e62-a66a-fb6aa052c70b"), new DateOnly(2026, 2, 17), "Holiday", "春节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("8788f8b2-7b51-5b30-9cc1-fe78c4fcc2dc"), new DateOnly(2026, 2, 18), "Holiday", "春节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("a1af3052-50f9-5106-8dd6-ead5de53c75b"), new DateOnly(2026, 2, 19), "Holiday", "春节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("384ec1ff-2d99-52e1-b9d9-4c3c5f941944"), new DateOnly(2026, 2, 20), "Holiday", "春节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("ca667f75-9bcb-59ef-80f1-452b8804d75a"), new DateOnly(2026, 2, 21), "Holiday", "春节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("9f4b0903-06b6-5433-9537-538b825af4a8"), new DateOnly(2026, 2, 22), "Holiday", "春节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("c180d98f-c7c5-5642-8d04-8909618e9265"), new DateOnly(2026, 2, 23), "Holiday", "春节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("73a3cb64-2de5-5e32-a2a2-d0f3bb7cecd6"), new DateOnly(2026, 2, 28), "Workday", "春节调休上班", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("f940f239-092e-5d3c-ac7f-a028bce1a25e"), new DateOnly(2026, 4, 4), "Holiday", "清明节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("a6a05f3c-a06d-51bd-a64b-cb9d0bc16794"), new DateOnly(2026, 4, 5), "Holiday", "清明节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("06cc3c0a-9d58-5fd7-8300-5ee3b54ed84a"), new DateOnly(2026, 4, 6), "Holiday", "清明节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("bd06742e-7e0b-5e38-b21e-e6d2fed7cee8"), new DateOnly(2026, 5, 1), "Holiday", "劳动节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("0b6211d8-0e7d-52a3-b856-aa377f945785"), new DateOnly(2026, 5, 2), "Holiday", "劳动节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("564a58f2-85c1-51ce-b098-16ceed4acc32"), new DateOnly(2026, 5, 3), "Holiday", "劳动节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("6395f2ef-b2e3-5d48-b25c-13ba417c3ad5"), new DateOnly(2026, 5, 4), "Holiday", "劳动节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("d84cb4f4-5658-5d4a-b38b-81cc2c86dc7d"), new DateOnly(2026, 5, 5), "Holiday", "劳动节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("fda22444-4e07-5efd-b527-88e3f0546c5f"), new DateOnly(2026, 5, 9), "Workday", "劳动节调休上班", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("fafe7ba9-c7f0-5d5d-b381-97cbb5275841"), new DateOnly(2026, 6, 19), "Holiday", "端午节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("b6adde82-d2b9-522b-bdb6-04c4c30a93cd"), new DateOnly(2026, 6, 20), "Holiday", "端午节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("93be3b05-c879-5752-a56d-9cb19365da6b"), new DateOnly(2026, 6, 21), "Holiday", "端午节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("41e1c96c-af5c-53d8-966c-06a926263028"), new DateOnly(2026, 9, 20), "Workday", "国庆节调休上班", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("80a54268-a90d-5793-9843-20facc956665"), new DateOnly(2026, 9, 25), "Holiday", "中秋节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("7ca92ce5-cea5-5484-9a39-84d4351a57d7"), new DateOnly(2026, 9, 26), "Holiday", "中秋节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("2b518e6a-77d6-5fc1-9fcd-aeb18e8b7e40"), new DateOnly(2026, 9, 27), "Holiday", "中秋节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("6108dbae-d7a1-54e0-881e-8f9fb218330a"), new DateOnly(2026, 10, 1), "Holiday", "国庆节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("eb2ed5fe-c480-5845-af2d-71700c239250"), new DateOnly(2026, 10, 2), "Holiday", "国庆节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("335b682b-2757-5674-8ab7-49a8e8baa129"), new DateOnly(2026, 10, 3), "Holiday", "国庆节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("e70ca73f-afdc-567e-9d51-fb4215c2f386"), new DateOnly(2026, 10, 4), "Holiday", "国庆节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("1dcf18f4-e262-5a44-9590-c9533d29a99f"), new DateOnly(2026, 10, 5), "Holiday", "国庆节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("87c5a55c-5824-5285-8879-d98bf83524f0"), new DateOnly(2026, 10, 6), "Holiday", "国庆节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("fb2c8c7e-ed30-5781-803f-ef93c434d6af"), new DateOnly(2026, 10, 7), "Holiday", "国庆节", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                    { new Guid("30c90643-d76f-5293-9099-93500c2d4a97"), new DateOnly(2026, 10, 10), "Workday", "国庆节调休上班", "国务院办公厅关于2026年部分节假日安排的通知（请与原文核对）" },
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "holiday_calendar");

            migrationBuilder.DropTable(
                name: "leave_accounts");

            migrationBuilder.DropTable(
                name: "leave_entries");

            migrationBuilder.DropTable(
                name: "leave_requests");

            migrationBuilder.DropColumn(
                name: "service_start_date",
                table: "workers");
        }
    }
}
