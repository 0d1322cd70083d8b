using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontlineCare.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class NominationStories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "photo_file_id",
                table: "nominations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "nominations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "story",
                table: "nominations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_nominations_photo_file_id",
                table: "nominations",
                column: "photo_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_published_at",
                table: "nominations",
                column: "published_at",
                filter: "published_at IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_nominations_stored_files_photo_file_id",
                table: "nominations",
                column: "photo_file_id",
                principalTable: "stored_files",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_nominations_stored_files_photo_file_id",
                table: "nominations");

            migrationBuilder.DropIndex(
                name: "ix_nominations_photo_file_id",
                table: "nominations");

            migrationBuilder.DropIndex(
                name: "ix_nominations_published_at",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "photo_file_id",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "story",
                table: "nominations");
        }
    }
}
