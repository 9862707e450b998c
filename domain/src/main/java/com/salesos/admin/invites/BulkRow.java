package com.salesos.admin.invites;

/**
 * One data row of a bulk invitation file, as typed. {@code row} is the record's number in the
 * file with the header as record 1, so it is the line a spreadsheet shows the row on (unless a
 * quoted cell spans lines). A cell the file does not have is null; {@code fieldCountFault} says
 * why the row has a different number of cells than the header, if it has.
 */
public record BulkRow(int row, String email, String name, String role, String team, String fieldCountFault) {

    public BulkRow(int row, String email, String name, String role, String team) {
        this(row, email, name, role, team, null);
    }
}
