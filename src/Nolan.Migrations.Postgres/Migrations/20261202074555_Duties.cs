using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Duties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "complaint_answered_at",
                table: "enquiries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "explained_on",
                table: "enquiries",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "duties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    owed_by_officer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    promised_on = table.Column<DateOnly>(type: "date", nullable: true),
                    effective_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    very_overdue_after = table.Column<DateOnly>(type: "date", nullable: true),
                    protocol_version = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    citation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    met_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    met_how = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duties", x => x.id);
                });

            // Every live enquiry with a deadline owes its reply from now on as a duty (the reminder engine reads duties);
            // the enquiry's own id is the duty's, so the step is the same SQL on both databases.
            migrationBuilder.Sql(@"INSERT INTO duties (id, council_id, item_type, item_id, kind, owed_by_officer_id, due_on, promised_on,
                effective_due_on, very_overdue_after, protocol_version, citation, created_at, met_at, met_how)
                SELECT id, council_id, 'enquiry', id, 'EnquiryReply', assigned_officer_id, due_on, promised_by,
                COALESCE(promised_by, due_on), very_overdue_after, protocol_version, NULL, created_at, NULL, NULL
                FROM enquiries WHERE due_on IS NOT NULL AND status IN ('Open', 'Assigned', 'HoldingReplySent')");

            migrationBuilder.CreateIndex(
                name: "ix_duties_item_type_item_id",
                table: "duties",
                columns: new[] { "item_type", "item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_duties_met_at_effective_due_on",
                table: "duties",
                columns: new[] { "met_at", "effective_due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "duties");

            migrationBuilder.DropColumn(
                name: "complaint_answered_at",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "explained_on",
                table: "enquiries");
        }
    }
}
