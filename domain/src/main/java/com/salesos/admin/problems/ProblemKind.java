package com.salesos.admin.problems;

/** What kind of refusal a problem is; the HTTP edge maps each kind to one status code. */
public enum ProblemKind {
    /** Input that cannot be read at all (malformed JSON, wrong types). */
    MALFORMED,
    /** Well-formed input whose values break a rule (unknown role, invalid email, ...). */
    INVALID_INPUT,
    /** No valid identity came with the request. */
    UNAUTHENTICATED,
    /** The caller is known but may not do this. */
    FORBIDDEN,
    /** The thing does not exist, or belongs to another workspace (never say which). */
    NOT_FOUND,
    /** The request clashes with the current state (duplicate email, no free seat, wrong status). */
    CONFLICT,
    /** The thing existed but has expired. */
    GONE,
    /** The caller's precondition (If-Match) no longer holds. */
    PRECONDITION_FAILED,
    /** A change that must be conditional came without its precondition (If-Match). */
    PRECONDITION_REQUIRED,
    /** The body is larger than the route accepts. */
    TOO_LARGE,
    /** The caller (or the workspace, or the address) used up a rate limit; {@link DomainException#RETRY_AFTER} says when to retry. */
    RATE_LIMITED,
    /** A service we depend on failed; the request may be repeated and will finish the job. */
    UNAVAILABLE
}
