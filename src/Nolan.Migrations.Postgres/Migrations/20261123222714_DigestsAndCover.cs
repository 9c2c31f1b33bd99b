using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DigestsAndCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "away_from",
                table: "officers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "away_until",
                table: "officers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "cover_officer_id",
                table: "officers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "weekly_digest",
                table: "accounts",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateIndex(
                name: "ix_officers_cover_officer_id",
                table: "officers",
                column: "cover_officer_id");

            migrationBuilder.AddForeignKey(
                name: "fk_officers_officers_cover_officer_id",
                table: "officers",
                column: "cover_officer_id",
                principalTable: "officers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_officers_officers_cover_officer_id",
                table: "officers");

            migrationBuilder.DropIndex(
                name: "ix_officers_cover_officer_id",
                table: "officers");

            migrationBuilder.DropColumn(
                name: "away_from",
                table: "officers");

            migrationBuilder.DropColumn(
                name: "away_until",
                table: "officers");

            migrationBuilder.DropColumn(
                name: "cover_officer_id",
                table: "officers");

            migrationBuilder.DropColumn(
                name: "weekly_digest",
                table: "accounts");
        }
    }
}
