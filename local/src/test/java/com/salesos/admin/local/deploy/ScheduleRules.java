package com.salesos.admin.local.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Every EventBridge Scheduler schedule: a valid expression, and a role the scheduler may use to invoke its target. */
final class ScheduleRules {

    private final TransformedTemplate template;

    ScheduleRules(TransformedTemplate template) {
        this.template = template;
    }

    List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        DeployedValues values = new DeployedValues(template);
        RolePolicies roles = new RolePolicies(template);
        template.resourcesOfType("AWS::Scheduler::Schedule").forEach((id, schedule) -> {
            JsonNode p = schedule.path("Properties");
            String expression = p.path("ScheduleExpression").asText();
            ScheduleExpressions.problemWith(expression).ifPresent(problem -> findings.add(DeployRules.finding(
                    DeployRule.SCHEDULE_EXPRESSION_VALID, id, "ScheduleExpression " + expression + ": " + problem,
                    "correct the ScheduleExpression of " + id)));
            String target = values.resolve(p.path("Target").path("Arn"));
            String role = TransformedTemplate.referencedId(p.path("Target").path("RoleArn")).orElse(null);
            if (role == null || template.typeOf(role).filter("AWS::IAM::Role"::equals).isEmpty()) {
                findings.add(DeployRules.finding(DeployRule.SCHEDULE_ROLE_MAY_INVOKE, id,
                        "the schedule's RoleArn is not a role of this stack, so nothing here proves it may invoke " + target,
                        "let SAM create the role (omit RoleArn) or declare one in the template"));
                return;
            }
            if (!roles.trustedServices(role).contains("scheduler.amazonaws.com")) {
                findings.add(DeployRules.finding(DeployRule.SCHEDULE_ROLE_MAY_INVOKE, id,
                        "role " + role + " does not trust scheduler.amazonaws.com", "allow sts:AssumeRole to scheduler.amazonaws.com in " + role));
            }
            List<String> unknown = new ArrayList<>();
            if (!Grant.allows(roles.of(role, unknown), "lambda:InvokeFunction", target)) {
                findings.add(DeployRules.finding(DeployRule.SCHEDULE_ROLE_MAY_INVOKE, id,
                        "role " + role + " does not allow lambda:InvokeFunction on " + target,
                        "allow lambda:InvokeFunction on the schedule's target in " + role));
            }
        });
        return findings;
    }
}
