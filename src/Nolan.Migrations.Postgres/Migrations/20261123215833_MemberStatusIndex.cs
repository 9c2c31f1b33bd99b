using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MemberStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enquiries_member_id_received_at",
                table: "enquiries");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_member_id_status_received_at",
                table: "enquiries",
                columns: new[] { "member_id", "status", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enquiries_member_id_status_received_at",
                table: "enquiries");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_member_id_received_at",
                table: "enquiries",
                columns: new[] { "member_id", "received_at" });
        }
    }
}
