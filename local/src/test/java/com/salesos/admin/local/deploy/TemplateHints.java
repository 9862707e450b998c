package com.salesos.admin.local.deploy;

import com.salesos.admin.emulator.calls.DeployedArns;

/** How to write a deployed ARN in template.yaml, for fix messages: {@code !GetAtt X.Arn} or {@code !Sub ${X.Arn}/...}. */
final class TemplateHints {

    private final TransformedTemplate template;

    TemplateHints(TransformedTemplate template) {
        this.template = template;
    }

    String expressionFor(String arn) {
        for (var resource : template.root().path("Resources").properties()) {
            String resourceArn;
            try {
                resourceArn = DeployedArns.of(resource.getKey(), resource.getValue().path("Type").asText());
            } catch (IllegalArgumentException noArnForm) {
                continue;
            }
            if (arn.equals(resourceArn)) {
                return "!GetAtt " + resource.getKey() + ".Arn";
            }
            if (arn.startsWith(resourceArn + "/")) {
                String rest = arn.substring(resourceArn.length());
                // An S3 object key is one of many: suggest its prefix.
                String suffix = resource.getValue().path("Type").asText().equals("AWS::S3::Bucket")
                        ? rest.substring(0, rest.lastIndexOf('/') + 1) + "*" : rest;
                return "!Sub ${" + resource.getKey() + ".Arn}" + suffix;
            }
        }
        return arn;
    }
}
