package com.salesos.admin.emulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link StackProvisioner} created: the physical id (name, id or ARN) of every logical
 * resource, and each function's environment resolved against them.
 */
public record ProvisionedStack(SamTemplate template, URI endpoint, String region, Map<String, String> physicalIds) {

    public String physicalId(String logicalId) {
        String id = physicalIds.get(logicalId);
        if (id == null) {
            throw new IllegalArgumentException("No provisioned resource " + logicalId);
        }
        return id;
    }

    /** The function's environment as Lambda would see it, plus the emulator endpoint. */
    public Map<String, String> environmentOf(String functionLogicalId) {
        SamTemplate.Function function = template.functions().stream()
                .filter(f -> f.logicalId().equals(functionLogicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + functionLogicalId));
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> environment.put(name, template.resolve(value, physicalIds)));
        environment.put("AWS_REGION", region);
        environment.put("AWS_ENDPOINT_URL", endpoint.toString());
        return environment;
    }

    /**
     * What a function's own process gets, as a Lambda runtime gives it: its environment, credentials
     * (here the emulator's) and its name, for a JVM started on the function's jar. Micronaut reads
     * the name's variable to add the ec2 and cloud environments, as it does in Lambda.
     */
    public Map<String, String> processEnvironmentOf(String functionLogicalId) {
        Map<String, String> environment = new LinkedHashMap<>(environmentOf(functionLogicalId));
        environment.put("AWS_ACCESS_KEY_ID", EmulatorClients.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", EmulatorClients.SECRET_KEY);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", functionLogicalId);
        return environment;
    }

    /**
     * Every function's environment merged. The local server hosts all functions in one process, and
     * a function module's tests may have other function modules on their classpath, so every
     * function's settings record is read in one JVM whose system properties are global: each finds
     * its variables here. Whether the template gives each function exactly what its settings read
     * is held by EnvironmentContractTest, not by these runs.
     */
    public Map<String, String> mergedEnvironment() {
        Map<String, String> merged = new LinkedHashMap<>();
        template.functions().forEach(f -> merged.putAll(environmentOf(f.logicalId())));
        merged.remove("JAVA_TOOL_OPTIONS");
        return merged;
    }

    /** Applies the merged environment as JVM system properties, which SettingsReader reads before the environment. */
    public void applyAsSystemProperties() {
        mergedEnvironment().forEach(System::setProperty);
        System.setProperty("aws.accessKeyId", EmulatorClients.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", EmulatorClients.SECRET_KEY);
        System.setProperty("aws.region", region);
    }
}
