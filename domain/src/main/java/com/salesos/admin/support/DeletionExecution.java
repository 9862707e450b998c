package com.salesos.admin.support;

/** Port: starts (or restarts) the background deletion of a request support executed. */
public interface DeletionExecution {

    void start(DeletionRequest running);
}
