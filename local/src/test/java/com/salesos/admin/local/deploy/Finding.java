package com.salesos.admin.local.deploy;

/** One broken deploy rule or IAM mismatch: which resource, what is wrong, and what to change. */
public record Finding(String rule, String resource, String problem, String fix) {

    @Override
    public String toString() {
        return resource + ": " + problem + ". Fix: " + fix + " [" + rule + "]";
    }
}
