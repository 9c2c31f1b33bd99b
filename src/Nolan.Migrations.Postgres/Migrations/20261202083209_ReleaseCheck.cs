using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReleaseCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "release_checked_at",
                table: "enquiries",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "release_checked_at",
                table: "enquiries");
        }
    }
}
