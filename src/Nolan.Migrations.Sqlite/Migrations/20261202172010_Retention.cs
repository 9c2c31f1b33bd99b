using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "redacted_at",
                table: "outbox_messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_redacted_at_status_sent_at",
                table: "outbox_messages",
                columns: new[] { "redacted_at", "status", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_in_app_notifications_created_at",
                table: "in_app_notifications",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_answered_at",
                table: "enquiries",
                column: "answered_at");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_closed_at",
                table: "enquiries",
                column: "closed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_redacted_at_status_sent_at",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_in_app_notifications_created_at",
                table: "in_app_notifications");

            migrationBuilder.DropIndex(
                name: "ix_enquiries_answered_at",
                table: "enquiries");

            migrationBuilder.DropIndex(
                name: "ix_enquiries_closed_at",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "redacted_at",
                table: "outbox_messages");
        }
    }
}
