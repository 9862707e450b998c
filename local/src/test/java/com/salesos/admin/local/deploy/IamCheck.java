package com.salesos.admin.local.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Holds each function's execution role (the transformed template's, so with what SAM adds) to the
 * AWS calls the tests recorded, in both directions: (a) every call a function makes is allowed by
 * its role, action and resource, so no AccessDenied waits in production; (b) every action and
 * resource its inline policy grants is used by some recorded call, or listed in
 * {@link Unexercisable} with the reason, so the policy grants no more than the code needs. AWS
 * managed policies SAM attaches are not ours to trim and are listed with why SAM attaches them.
 */
public final class IamCheck {

    private static final String RULE = "IAM https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege";

    private final TransformedTemplate template;
    private final List<RecordedCall> calls;
    private final List<Unexercisable> unexercisable;
    private final RolePolicies roles;
    private final TemplateHints hints;

    public IamCheck(TransformedTemplate template, List<RecordedCall> calls, List<Unexercisable> unexercisable) {
        this.template = template;
        this.calls = calls;
        this.unexercisable = unexercisable;
        this.roles = new RolePolicies(template);
        this.hints = new TemplateHints(template);
    }

    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        Set<String> functions = template.functions().keySet();
        calls.stream().map(RecordedCall::function).filter(f -> !functions.contains(f)).distinct().forEach(f -> findings.add(
                new Finding(RULE, f, "recorded calls name a function the template does not declare", "declare it or fix the recording")));
        for (String function : functions) {
            List<String> unknownManaged = new ArrayList<>();
            List<Grant> grants = roles.of(roles.roleOf(function), unknownManaged);
            unknownManaged.forEach(arn -> findings.add(new Finding(RULE, function, "SAM attaches " + arn
                    + " to its role, whose statements the check does not know", "add them to ManagedPolicies from the AWS documentation")));
            List<RecordedCall> made = calls.stream().filter(c -> c.function().equals(function)).toList();
            callsAreAllowed(findings, function, grants, made);
            grantsAreUsed(findings, function, grants, made);
        }
        for (Unexercisable entry : unexercisable) {
            boolean granted = inlineGrants(entry.function()).stream().anyMatch(g -> g.actions().contains(entry.action()));
            if (!granted) {
                findings.add(new Finding(RULE, entry.function(), "Unexercisable lists " + entry.action()
                        + ", which its policy does not grant", "remove that entry from Unexercisable"));
            }
        }
        return findings;
    }

    /** (a) Every recorded call of the function is allowed by its role. */
    private void callsAreAllowed(List<Finding> findings, String function, List<Grant> grants, List<RecordedCall> made) {
        Map<String, RecordedCall> distinct = new LinkedHashMap<>();
        made.forEach(c -> distinct.putIfAbsent(c.action() + " " + c.resource(), c));
        for (RecordedCall call : distinct.values()) {
            if (call.action().contains(":unmapped-")) {
                findings.add(new Finding(RULE, function, call.operation() + " (" + call.test() + ") maps to no known IAM action",
                        "teach emulator's IamRequests the IAM action and resource of " + call.operation()));
            } else if (call.resource().startsWith("unknown-resource:")) {
                // A fault-injection test pointed the function at a resource the stack does not have
                // (e.g. a missing bucket): no deployed role could be granted it, so it proves nothing.
                continue;
            } else if (!Grant.allows(grants, call.action(), call.resource())) {
                findings.add(new Finding(RULE, function, "its code calls " + call.operation() + " (" + call.test() + "), which needs "
                        + call.action() + " on " + call.resource() + ", but its role does not allow it (AccessDenied in production)",
                        "add " + call.action() + " on " + hints.expressionFor(call.resource()) + " to the Policies of " + function
                                + " in template.yaml"));
            }
        }
    }

    /** (b) Every action and resource of the function's own policy is used by a recorded call, or listed as unexercisable. */
    private void grantsAreUsed(List<Finding> findings, String function, List<Grant> grants, List<RecordedCall> made) {
        for (Grant grant : grants) {
            if (grant.managed() || !grant.allow()) {
                continue;
            }
            for (String action : grant.actions()) {
                boolean used = made.stream().anyMatch(c -> IamPatterns.actionMatches(action, c.action())
                        && grant.resources().stream().anyMatch(r -> IamPatterns.resourceMatches(r, c.resource())));
                boolean listed = unexercisable.stream().anyMatch(u -> u.function().equals(function) && u.action().equals(action));
                if (!used && !listed) {
                    findings.add(new Finding(RULE, function, "its policy grants " + action + " (" + grant.source()
                            + ") but no test makes a call that needs it",
                            "remove " + action + " from the Policies of " + function + " in template.yaml; if the code does need"
                                    + " it, add a test that makes the call, or list it in Unexercisable with the reason no test can"
                                    + " (recordings are partial if only some tests ran)"));
                }
                if (used && listed) {
                    findings.add(new Finding(RULE, function, action + " is listed in Unexercisable but a test makes the call",
                            "remove that entry from Unexercisable"));
                }
            }
            for (String resource : grant.resources()) {
                boolean used = made.stream().anyMatch(c -> IamPatterns.resourceMatches(resource, c.resource())
                        && grant.actions().stream().anyMatch(a -> IamPatterns.actionMatches(a, c.action())));
                boolean listed = unexercisable.stream().anyMatch(u -> u.function().equals(function) && grant.actions().contains(u.action()));
                if (!used && !listed) {
                    findings.add(new Finding(RULE, function, "its policy grants " + grant.actions() + " on " + resource + " ("
                            + grant.source() + ") but no test calls anything there",
                            "remove " + hints.expressionFor(resource) + " from that statement of " + function + " in template.yaml"));
                }
            }
        }
    }

    private List<Grant> inlineGrants(String function) {
        if (!template.functions().containsKey(function)) {
            return List.of();
        }
        return roles.of(roles.roleOf(function), new ArrayList<>()).stream().filter(g -> !g.managed()).toList();
    }

    /** Function x action: which tests exercise it, or why none can, as Markdown (docs/deploy.md carries it). */
    public String matrix() {
        StringBuilder out = new StringBuilder("| Function | Action | Granted by | Exercised by |\n|---|---|---|---|\n");
        for (String function : new TreeSet<>(template.functions().keySet())) {
            List<RecordedCall> made = calls.stream().filter(c -> c.function().equals(function)).toList();
            Map<String, String> rows = new LinkedHashMap<>();
            for (Grant grant : roles.of(roles.roleOf(function), new ArrayList<>())) {
                if (grant.managed()) {
                    // Not ours to trim: one row per managed policy, with what of it the tests exercise.
                    List<RecordedCall> covered = made.stream().filter(c -> grant.covers(c.action(), c.resource())).toList();
                    String exercised = covered.isEmpty() ? "" : covered.stream().map(RecordedCall::action).distinct().sorted()
                            .collect(Collectors.joining(", ")) + " as the event source in " + covered.stream()
                            .map(RecordedCall::test).distinct().sorted().collect(Collectors.joining(", ")) + "; ";
                    rows.merge(String.join(", ", grant.actions()) + " | " + grant.source(),
                            exercised + (covered.isEmpty() ? "all" : "the rest") + " by the Lambda service or runtime, not our code",
                            (a, b) -> a);
                    continue;
                }
                for (String action : grant.actions()) {
                    Set<String> tests = made.stream().filter(c -> IamPatterns.actionMatches(action, c.action())
                                    && grant.resources().stream().anyMatch(r -> IamPatterns.resourceMatches(r, c.resource())))
                            .map(RecordedCall::test)
                            .collect(Collectors.toCollection(TreeSet::new));
                    String reason = unexercisable.stream().filter(u -> u.function().equals(function) && u.action().equals(action))
                            .map(u -> "none: " + u.reason()).findFirst().orElse("none");
                    rows.merge(action + " | " + grant.source(), tests.isEmpty() ? reason : String.join(", ", tests), (a, b) -> a);
                }
            }
            rows.forEach((key, tests) -> out.append("| ").append(function).append(" | ").append(key).append(" | ")
                    .append(tests).append(" |\n"));
        }
        calls.stream().filter(c -> c.resource().startsWith("unknown-resource:"))
                .map(c -> c.function() + " " + c.action() + " on " + c.resource().substring("unknown-resource:".length())
                        + " (" + c.test() + ")").distinct().sorted()
                .forEach(c -> out.append("\nNot checked, on a resource the stack does not declare (fault injection): ").append(c).append('\n'));
        return out.toString();
    }
}
