using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditStateAndKeyedSeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "keyed",
                table: "audit_seals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "audit_events",
                type: "TEXT",
                maxLength: 1000000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "keyed",
                table: "audit_seals");

            migrationBuilder.DropColumn(
                name: "state",
                table: "audit_events");
        }
    }
}
