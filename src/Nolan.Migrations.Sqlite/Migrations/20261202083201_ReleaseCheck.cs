using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReleaseCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "release_checked_at",
                table: "enquiries",
                type: "INTEGER",
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
