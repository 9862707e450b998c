package com.salesos.admin.local.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of an IAM role of the transformed template: its inline policies (what template.yaml
 * declares under Policies, SAM policy templates already expanded) and the AWS managed policies SAM
 * attached, resolved to deployed ARNs.
 */
final class RolePolicies {

    private final TransformedTemplate template;
    private final DeployedValues values;

    RolePolicies(TransformedTemplate template) {
        this.template = template;
        this.values = new DeployedValues(template);
    }

    /** The role a function runs with (its Role property names it). */
    String roleOf(String function) {
        return TransformedTemplate.referencedId(template.resource(function).path("Properties").path("Role"))
                .orElseThrow(() -> new IllegalStateException(function + " names no role of the stack"));
    }

    /** The role's statements; managed policies not known to {@link ManagedPolicies} go into {@code unknownManaged}. */
    List<Grant> of(String role, List<String> unknownManaged) {
        JsonNode p = template.resource(role).path("Properties");
        List<Grant> grants = new ArrayList<>();
        for (JsonNode policy : p.path("Policies")) {
            int index = 0;
            for (JsonNode statement : TransformedTemplate.items(policy.path("PolicyDocument").path("Statement"))) {
                String sid = statement.path("Sid").asText("#" + index);
                index++;
                grants.add(new Grant("inline " + sid, false, statement.path("Effect").asText().equals("Allow"),
                        TransformedTemplate.items(statement.path("Action")).stream().map(JsonNode::asText).toList(),
                        TransformedTemplate.items(statement.path("Resource")).stream().map(values::resolve).toList()));
            }
        }
        for (JsonNode arn : p.path("ManagedPolicyArns")) {
            String resolved = values.resolve(arn);
            ManagedPolicies.of(resolved).ifPresentOrElse(m -> grants.addAll(m.statements()), () -> unknownManaged.add(resolved));
        }
        return grants;
    }

    /** The services a role's trust policy lets assume it. */
    List<String> trustedServices(String role) {
        List<String> services = new ArrayList<>();
        for (JsonNode statement : TransformedTemplate.items(template.resource(role).path("Properties")
                .path("AssumeRolePolicyDocument").path("Statement"))) {
            TransformedTemplate.items(statement.path("Principal").path("Service")).forEach(s -> services.add(s.asText()));
        }
        return services;
    }
}
