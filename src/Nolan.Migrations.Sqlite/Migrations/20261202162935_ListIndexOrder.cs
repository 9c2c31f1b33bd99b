using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enquiries_assigned_officer_id_received_at",
                table: "enquiries");

            migrationBuilder.DropIndex(
                name: "ix_enquiries_council_id_received_at",
                table: "enquiries");

            migrationBuilder.DropIndex(
                name: "ix_enquiries_member_id_received_at",
                table: "enquiries");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_assigned_officer_id_received_at_id",
                table: "enquiries",
                columns: new[] { "assigned_officer_id", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_council_id_received_at_id",
                table: "enquiries",
                columns: new[] { "council_id", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_member_id_received_at_id",
                table: "enquiries",
                columns: new[] { "member_id", "received_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enquiries_assigned_officer_id_received_at_id",
                table: "enquiries");

            migrationBuilder.DropIndex(
                name: "ix_enquiries_council_id_received_at_id",
                table: "enquiries");

            migrationBuilder.DropIndex(
                name: "ix_enquiries_member_id_received_at_id",
                table: "enquiries");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_assigned_officer_id_received_at",
                table: "enquiries",
                columns: new[] { "assigned_officer_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_council_id_received_at",
                table: "enquiries",
                columns: new[] { "council_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_member_id_received_at",
                table: "enquiries",
                columns: new[] { "member_id", "received_at" });
        }
    }
}
