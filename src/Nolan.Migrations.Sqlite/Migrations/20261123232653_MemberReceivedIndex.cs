using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberReceivedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_enquiries_member_id_received_at",
                table: "enquiries",
                columns: new[] { "member_id", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enquiries_member_id_received_at",
                table: "enquiries");
        }
    }
}
