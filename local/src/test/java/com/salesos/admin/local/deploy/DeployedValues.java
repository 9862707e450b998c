package com.salesos.admin.local.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.calls.DeployedArns;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves Ref, Fn::GetAtt, Fn::Sub and Fn::Join in the transformed template to the canonical
 * deployed form of {@link DeployedArns} (resources named by logical id, parameters at their
 * defaults), the same form the recorder gives the calls, so policy Resources and called ARNs can be
 * compared.
 */
public final class DeployedValues {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final TransformedTemplate template;

    public DeployedValues(TransformedTemplate template) {
        this.template = template;
    }

    public String resolve(JsonNode value) {
        return resolve(value, Map.of());
    }

    private String resolve(JsonNode value, Map<String, String> subVariables) {
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.has("Ref")) {
            return ref(value.get("Ref").asText());
        }
        if (value.has("Fn::GetAtt")) {
            JsonNode getAtt = value.get("Fn::GetAtt");
            String[] parts = getAtt.isArray() ? new String[] {getAtt.get(0).asText(), getAtt.get(1).asText()}
                    : getAtt.asText().split("\\.", 2);
            return attribute(parts[0], parts[1]);
        }
        if (value.has("Fn::Sub")) {
            JsonNode sub = value.get("Fn::Sub");
            Map<String, String> variables = new HashMap<>(subVariables);
            if (sub.isArray()) {
                sub.get(1).properties().forEach(e -> variables.put(e.getKey(), resolve(e.getValue())));
                return substitute(sub.get(0).asText(), variables);
            }
            return substitute(sub.asText(), variables);
        }
        if (value.has("Fn::Join")) {
            JsonNode join = value.get("Fn::Join");
            StringBuilder out = new StringBuilder();
            for (JsonNode part : join.get(1)) {
                out.append(out.isEmpty() ? "" : join.get(0).asText()).append(resolve(part));
            }
            return out.toString();
        }
        throw new IllegalArgumentException("Cannot resolve " + value);
    }

    private String substitute(String text, Map<String, String> variables) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = variables.containsKey(name) ? variables.get(name)
                    : name.contains(".") ? attribute(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
                    : ref(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Partition":
                return DeployedArns.PARTITION;
            case "AWS::Region":
                return DeployedArns.REGION;
            case "AWS::AccountId":
                return DeployedArns.ACCOUNT;
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        JsonNode parameter = template.root().path("Parameters").path(name);
        if (!parameter.isMissingNode()) {
            return parameter.path("Default").asText();
        }
        String type = template.typeOf(name).orElseThrow(() -> new IllegalArgumentException("Nothing named " + name));
        if (type.equals("AWS::Lambda::Alias")) {
            JsonNode alias = template.resource(name).path("Properties");
            return DeployedArns.lambdaAlias(TransformedTemplate.referencedId(alias.path("FunctionName")).orElseThrow(),
                    alias.path("Name").asText());
        }
        return DeployedArns.ref(name, type);
    }

    private String attribute(String logicalId, String attribute) {
        String type = template.typeOf(logicalId).orElseThrow(() -> new IllegalArgumentException("Nothing named " + logicalId));
        if (attribute.equals("Arn")) {
            return DeployedArns.of(logicalId, type);
        }
        if (type.equals("AWS::SQS::Queue") && attribute.equals("QueueName")) {
            return logicalId;
        }
        return logicalId + "." + attribute;
    }
}
