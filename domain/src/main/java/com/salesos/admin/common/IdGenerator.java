package com.salesos.admin.common;

/** Port: new identifiers. Ids sort by creation time so that listings come out in creation order. */
public interface IdGenerator {

    String newId(String prefix);
}
