package com.salesos.admin.local;

import com.salesos.admin.emulator.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds each function's environment in a template (Globals merged with its own) to what its settings
 * record reads, in both directions, and says for each mistake which function, which variable and
 * the fix. A variable read but not set fails the function at start in AWS; one set but not read is
 * configuration nobody uses, which hides what a function really depends on.
 */
final class EnvironmentChecker {

    /** A function's settings record (its name, for messages) and the variables it declares it reads. */
    record Reads(String settings, List<String> variables) {
        static Reads of(Class<? extends Record> settings, List<String> variables) {
            return new Reads(settings.getSimpleName(), variables);
        }
    }

    private final Map<String, Reads> readsByFunction;
    private final Set<String> readByTheJvm;

    /**
     * @param readsByFunction what each function (logical id) reads
     * @param readByTheJvm    variables the template may set for any function because the JVM reads them
     */
    EnvironmentChecker(Map<String, Reads> readsByFunction, List<String> readByTheJvm) {
        this.readsByFunction = Map.copyOf(readsByFunction);
        this.readByTheJvm = Set.copyOf(readByTheJvm);
    }

    /** Every mistake in {@code template}, one sentence each; empty when every function gets exactly what it reads. */
    List<String> mistakes(SamTemplate template) {
        List<String> mistakes = new ArrayList<>();
        Set<String> global = template.globalEnvironment().keySet();
        Set<String> declared = new LinkedHashSet<>();
        for (SamTemplate.Function function : template.functions()) {
            String name = function.logicalId();
            declared.add(name);
            Reads reads = readsByFunction.get(name);
            if (reads == null) {
                mistakes.add(name + " has no settings record in the environment contract: add its settings record's"
                        + " VARIABLES for " + name + " to EnvironmentContractTest");
                continue;
            }
            Set<String> set = new LinkedHashSet<>(function.environment().keySet());
            set.removeAll(readByTheJvm);
            for (String variable : reads.variables()) {
                if (!set.contains(variable)) {
                    mistakes.add(name + ": " + reads.settings() + " reads " + variable + " but template.yaml does not set it:"
                            + " add " + variable + " to Environment of " + name + " in template.yaml");
                }
            }
            for (String variable : set) {
                if (reads.variables().contains(variable)) {
                    continue;
                }
                boolean fromGlobals = global.contains(variable) && !ownEnvironment(template, name).contains(variable);
                mistakes.add(fromGlobals
                        ? name + ": template.yaml sets " + variable + " for every function in Globals: remove " + variable
                                + " from Globals in template.yaml and add it to Environment of the functions that read it, "
                                + reads.settings() + " does not read it"
                        : name + ": template.yaml sets " + variable + ": remove " + variable + " from Environment of " + name
                                + " in template.yaml, " + reads.settings() + " does not read it");
            }
        }
        readsByFunction.keySet().stream().filter(name -> !declared.contains(name)).sorted().forEach(name ->
                mistakes.add(name + " is in the environment contract but not in template.yaml: remove it from EnvironmentContractTest"));
        return mistakes;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> ownEnvironment(SamTemplate template, String function) {
        Map<String, Object> properties = (Map<String, Object>) template.resources().get(function).getOrDefault("Properties", Map.of());
        Map<String, Object> environment = (Map<String, Object>) properties.getOrDefault("Environment", Map.of());
        return ((Map<String, Object>) environment.getOrDefault("Variables", Map.of())).keySet();
    }
}
