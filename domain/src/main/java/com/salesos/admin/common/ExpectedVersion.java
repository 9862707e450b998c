package com.salesos.admin.common;

/**
 * The version a client says its change was made from, for an optimistic update: the change goes
 * ahead only while that version is still the current one.
 */
public record ExpectedVersion(long version) {

    /**
     * What a client sent that names no version ever issued (an entity tag of another form): it
     * matches nothing, so the change is refused as stale like any outdated version.
     */
    public static final ExpectedVersion NONE = new ExpectedVersion(-1);

    public boolean matches(long current) {
        return version == current;
    }
}
