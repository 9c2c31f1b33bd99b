using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enquiries_service_id",
                table: "enquiries");

            migrationBuilder.DropIndex(
                name: "ix_enquiries_ward_id",
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

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_service_id_received_at",
                table: "enquiries",
                columns: new[] { "service_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_ward_id_received_at",
                table: "enquiries",
                columns: new[] { "ward_id", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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

            migrationBuilder.DropIndex(
                name: "ix_enquiries_service_id_received_at",
                table: "enquiries");

            migrationBuilder.DropIndex(
                name: "ix_enquiries_ward_id_received_at",
                table: "enquiries");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_service_id",
                table: "enquiries",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_ward_id",
                table: "enquiries",
                column: "ward_id");
        }
    }
}
