package com.salesos.admin.support;

/**
 * What a workspace's purge removed, each thing counted once: sign-in accounts (its users' and its
 * CRM identity's), stored objects (export files, badge images), unfinished multipart uploads, and
 * the items of its two partitions (the items outside them that point in, a sign-in principal or an
 * invitation token, go with the item that names them and are not counted apart).
 */
public record PurgeCounts(long accounts, long objects, long uploads, long items) {

    public static final PurgeCounts NONE = new PurgeCounts(0, 0, 0, 0);

    public static PurgeCounts account() {
        return new PurgeCounts(1, 0, 0, 0);
    }

    public static PurgeCounts object() {
        return new PurgeCounts(0, 1, 0, 0);
    }

    public static PurgeCounts upload() {
        return new PurgeCounts(0, 0, 1, 0);
    }

    public static PurgeCounts item() {
        return new PurgeCounts(0, 0, 0, 1);
    }

    public PurgeCounts plus(PurgeCounts other) {
        return new PurgeCounts(accounts + other.accounts, objects + other.objects, uploads + other.uploads,
                items + other.items);
    }

    public long total() {
        return accounts + objects + uploads + items;
    }
}
