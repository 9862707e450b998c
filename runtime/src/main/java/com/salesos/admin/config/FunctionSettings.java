package com.salesos.admin.config;

/**
 * One function's settings record (in the function's module): everything that function reads from
 * its environment, the shared part included, read in one go so that a function missing variables
 * fails at start naming all of them. Each also declares a static {@code VARIABLES} list, which
 * template.yaml must set for that function, and nothing more (EnvironmentContractTest).
 */
public interface FunctionSettings {

    /** The part every function reads, used by the shared wiring. */
    SharedSettings shared();
}
