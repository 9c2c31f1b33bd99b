using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "daily_digest",
                table: "accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "notify_by",
                table: "accounts",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "in_app_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    dedup_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    link = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_in_app_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    dedup_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    recipient_account_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    to_address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    to_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    template_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    body_text = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    body_html = table.Column<string>(type: "TEXT", maxLength: 400000, nullable: false),
                    calendar = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_in_app_notifications_account_id_read_at_created_at",
                table: "in_app_notifications",
                columns: new[] { "account_id", "read_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_in_app_notifications_dedup_key",
                table: "in_app_notifications",
                column: "dedup_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dedup_key",
                table: "outbox_messages",
                column: "dedup_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_recipient_account_id_status",
                table: "outbox_messages",
                columns: new[] { "recipient_account_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_status_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "in_app_notifications");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "daily_digest",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "notify_by",
                table: "accounts");
        }
    }
}
