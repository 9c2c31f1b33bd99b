using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UrgencyDisputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "urgency_disputed_at",
                table: "enquiries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "urgency_requested",
                table: "enquiries",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "urgent",
                table: "enquiries",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "urgency_disputed_at",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "urgency_requested",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "urgent",
                table: "enquiries");
        }
    }
}
