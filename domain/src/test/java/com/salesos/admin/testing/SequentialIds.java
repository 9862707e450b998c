package com.salesos.admin.testing;

import com.salesos.admin.common.IdGenerator;

/** Ids that sort in creation order and are easy to read in a failing assertion: {@code role_0001}. */
public final class SequentialIds implements IdGenerator {

    private int next = 1;

    @Override
    public String newId(String prefix) {
        return String.format("%s_%04d", prefix, next++);
    }
}
