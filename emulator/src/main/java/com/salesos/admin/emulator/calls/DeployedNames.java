package com.salesos.admin.emulator.calls;

import com.salesos.admin.emulator.ProvisionedStack;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the emulator's physical names (table name, queue URL, bucket name, pool id, key id or ARN)
 * back to the template's logical resources, to name them as the deployed stack would.
 */
public final class DeployedNames {

    private static volatile DeployedNames current;

    private final Map<String, String> logicalIdByPhysical = new HashMap<>();
    private final Map<String, String> typeByLogicalId = new HashMap<>();

    private DeployedNames(ProvisionedStack stack) {
        stack.template().resources().forEach((id, resource) -> typeByLogicalId.put(id, String.valueOf(resource.get("Type"))));
        stack.physicalIds().forEach((key, physical) -> {
            String logicalId = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (typeByLogicalId.containsKey(logicalId)) {
                logicalIdByPhysical.putIfAbsent(physical, logicalId);
            }
        });
    }

    /** The stack that the emulator provisioned last: tests take a fresh one per class, one at a time. */
    public static void provisioned(ProvisionedStack stack) {
        current = new DeployedNames(stack);
    }

    public static Optional<DeployedNames> current() {
        return Optional.ofNullable(current);
    }

    /**
     * The deployed ARN of the resource the emulator knows by this physical name (or ARN), or a
     * marker the IAM check reports when the name is not one of the template's resources.
     */
    public String arn(String physical) {
        String logicalId = logicalIdByPhysical.get(physical);
        if (logicalId == null && physical != null && physical.startsWith("arn:")) {
            // e.g. a KMS key named by its ARN, or an S3 bucket ARN.
            logicalId = logicalIdByPhysical.get(physical.substring(physical.lastIndexOf('/') + 1));
        }
        if (logicalId == null) {
            return "unknown-resource:" + physical;
        }
        return DeployedArns.of(logicalId, typeByLogicalId.get(logicalId));
    }
}
