package com.salesos.admin.functions.users;

import com.salesos.admin.access.Caller;
import com.salesos.admin.users.DealReassignments;
import com.salesos.admin.web.SignedIn;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

/**
 * Following a background deal reassignment. Any active user reaches the use case, which shows the
 * job to the user who started it and to anyone who may manage users (the starter keeps it even if
 * their role changed since); another workspace's job is 404.
 */
@Controller(DealReassignmentController.PATH)
public class DealReassignmentController {

    static final String PATH = "/v1/deal-reassignments";

    private final DealReassignments reassignments;

    public DealReassignmentController(DealReassignments reassignments) {
        this.reassignments = reassignments;
    }

    /** A background deal reassignment: its state and the deals moved so far. */
    @Get("/{id}")
    @SignedIn
    public Views.DealReassignmentView get(Caller caller, @PathVariable String id) {
        return Views.DealReassignmentView.of(reassignments.get(caller, id));
    }
}
