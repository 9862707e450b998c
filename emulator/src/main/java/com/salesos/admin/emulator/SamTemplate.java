package com.salesos.admin.emulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml as data: resources, parameters, functions and their HTTP API routes. The local
 * stack and the tests read everything they need from here instead of repeating it.
 */
public final class SamTemplate {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, Object> root;
    /** Parameter values given at deployment (sam deploy --parameter-overrides); the rest take their defaults. */
    private final Map<String, String> parameterOverrides;

    private SamTemplate(Map<String, Object> root, Map<String, String> parameterOverrides) {
        this.root = root;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
    }

    /** The same template deployed with these parameter values. */
    public SamTemplate withParameters(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(parameterOverrides);
        merged.putAll(overrides);
        return new SamTemplate(root, merged);
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> root = new Yaml(new IntrinsicFunctions()).load(reader);
            return new SamTemplate(root, Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** A template given as text (a snippet in a test of a checker). */
    public static SamTemplate parse(String yaml) {
        Map<String, Object> root = new Yaml(new IntrinsicFunctions()).load(yaml);
        return new SamTemplate(root, Map.of());
    }

    public static SamTemplate ofRepository() {
        return load(RepositoryRoot.locate().resolve("template.yaml"));
    }

    /** One API route of a function, as its HttpApi event declares it. */
    public record Route(String method, String path, boolean authorized, String function) {

        /** The path with every {@code {param}} replaced by {@code {}}, for comparing route shapes. */
        public String shape() {
            return method + " " + path.replaceAll("\\{[^}]+}", "{}");
        }
    }

    /** A Lambda function: its handler, and its environment after applying Globals. */
    public record Function(String logicalId, String handler, String codeUri, Map<String, Object> environment,
                           List<Route> routes) {
    }

    public Map<String, Map<String, Object>> resources() {
        return cast(root.get("Resources"));
    }

    public Map<String, Object> resourcesOfType(String type) {
        Map<String, Object> matching = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                matching.put(id, resource.getOrDefault("Properties", Map.of()));
            }
        });
        return matching;
    }

    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, Map<String, Object>> parameters = cast(root.getOrDefault("Parameters", Map.of()));
        parameters.forEach((name, spec) -> {
            if (spec.get("Default") != null) {
                defaults.put(name, String.valueOf(spec.get("Default")));
            }
        });
        defaults.putAll(parameterOverrides);
        return defaults;
    }

    /** The environment variables Globals gives every function (a function's own win over these). */
    public Map<String, Object> globalEnvironment() {
        Map<String, Object> allGlobals = cast(root.getOrDefault("Globals", Map.of()));
        return variables(cast(allGlobals.getOrDefault("Function", Map.of())));
    }

    public List<Function> functions() {
        Map<String, Object> allGlobals = cast(root.getOrDefault("Globals", Map.of()));
        Map<String, Object> globals = cast(allGlobals.getOrDefault("Function", Map.of()));
        List<Function> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, p) -> {
            Map<String, Object> properties = cast(p);
            Map<String, Object> environment = new LinkedHashMap<>(variables(globals));
            environment.putAll(variables(properties));
            String handler = String.valueOf(properties.getOrDefault("Handler", globals.get("Handler")));
            functions.add(new Function(id, handler, String.valueOf(properties.get("CodeUri")), environment,
                    routes(id, properties)));
        });
        return functions;
    }

    /** An SQS event source of a function: which queue (logical id) and how many messages per invocation. */
    public record QueueSource(String queueLogicalId, int batchSize) {
    }

    public List<QueueSource> queueSources(String functionLogicalId) {
        Map<String, Object> properties = cast(resources().get(functionLogicalId).get("Properties"));
        Map<String, Map<String, Object>> events = cast(properties.getOrDefault("Events", Map.of()));
        return events.values().stream().filter(e -> "SQS".equals(e.get("Type"))).map(event -> {
            Map<String, Object> eventProperties = cast(event.get("Properties"));
            Intrinsic queue = (Intrinsic) eventProperties.get("Queue");
            String logicalId = String.valueOf(queue.argument()).split("\\.")[0];
            return new QueueSource(logicalId, ((Number) eventProperties.getOrDefault("BatchSize", 10)).intValue());
        }).toList();
    }

    /** The function's timeout in seconds (its own, else the Globals', else Lambda's default of 3). */
    public int timeoutSeconds(String functionLogicalId) {
        Map<String, Object> allGlobals = cast(root.getOrDefault("Globals", Map.of()));
        Map<String, Object> globals = cast(allGlobals.getOrDefault("Function", Map.of()));
        Map<String, Object> properties = cast(resources().get(functionLogicalId).get("Properties"));
        return ((Number) properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3))).intValue();
    }

    public List<Route> routes() {
        return functions().stream().flatMap(f -> f.routes().stream()).toList();
    }

    private static List<Route> routes(String function, Map<String, Object> properties) {
        List<Route> routes = new ArrayList<>();
        Map<String, Map<String, Object>> events = cast(properties.getOrDefault("Events", Map.of()));
        events.values().stream().filter(e -> "HttpApi".equals(e.get("Type"))).forEach(event -> {
            Map<String, Object> eventProperties = cast(event.get("Properties"));
            Map<String, Object> auth = cast(eventProperties.getOrDefault("Auth", Map.of()));
            boolean authorized = !"NONE".equals(auth.get("Authorizer"));
            routes.add(new Route(String.valueOf(eventProperties.get("Method")).toUpperCase(Locale.ROOT),
                    String.valueOf(eventProperties.get("Path")), authorized, function));
        });
        return routes;
    }

    /** A function's (or the Globals') variables for this template's stage: an {@code !If} picks its branch, and a branch of {@code AWS::NoValue} removes the variable, as CloudFormation does. */
    private Map<String, Object> variables(Map<String, Object> properties) {
        Map<String, Object> environment = cast(properties.getOrDefault("Environment", Map.of()));
        Map<String, Object> declared = cast(environment.getOrDefault("Variables", Map.of()));
        Map<String, Object> variables = new LinkedHashMap<>();
        declared.forEach((name, value) -> {
            Object chosen = evaluate(value);
            boolean noValue = chosen instanceof Intrinsic ref && ref.function().equals("Ref") && "AWS::NoValue".equals(ref.argument());
            if (!noValue) {
                variables.put(name, chosen);
            }
        });
        return variables;
    }

    /**
     * Resolves {@code !Ref}, {@code !Sub} and {@code !GetAtt} against parameter defaults and the
     * physical ids of provisioned resources.
     */
    public String resolve(Object value, Map<String, String> physicalIds) {
        if (value instanceof Intrinsic intrinsic) {
            return switch (intrinsic.function()) {
                case "Ref" -> lookup(String.valueOf(intrinsic.argument()), physicalIds);
                case "Sub" -> substitute(String.valueOf(intrinsic.argument()), physicalIds);
                case "GetAtt" -> lookup(String.valueOf(intrinsic.argument()), physicalIds);
                default -> throw new IllegalArgumentException("Unsupported intrinsic !" + intrinsic.function());
            };
        }
        return String.valueOf(value);
    }

    /**
     * A property value with {@code !If} decided by the template's Conditions (which may use
     * {@code !Equals}, {@code !Not}, {@code !And}, {@code !Or} over parameters).
     */
    public Object evaluate(Object value) {
        if (value instanceof Intrinsic intrinsic && intrinsic.function().equals("If")) {
            List<Object> arguments = cast(intrinsic.argument());
            return evaluate(condition(String.valueOf(arguments.get(0))) ? arguments.get(1) : arguments.get(2));
        }
        return value;
    }

    /** Whether a named condition of the template holds for this template's parameter values. */
    public boolean condition(String name) {
        Map<String, Object> conditions = cast(root.getOrDefault("Conditions", Map.of()));
        if (!conditions.containsKey(name)) {
            throw new IllegalArgumentException("No condition " + name);
        }
        return holds(conditions.get(name));
    }

    private boolean holds(Object expression) {
        if (expression instanceof Intrinsic intrinsic) {
            List<Object> arguments = intrinsic.function().equals("Condition") ? List.of() : cast(intrinsic.argument());
            return switch (intrinsic.function()) {
                case "Equals" -> resolve(arguments.get(0), Map.of()).equals(resolve(arguments.get(1), Map.of()));
                case "Not" -> !holds(arguments.get(0));
                case "And" -> arguments.stream().allMatch(this::holds);
                case "Or" -> arguments.stream().anyMatch(this::holds);
                case "Condition" -> condition(String.valueOf(intrinsic.argument()));
                default -> throw new IllegalArgumentException("Unsupported condition function !" + intrinsic.function());
            };
        }
        throw new IllegalArgumentException("Not a condition: " + expression);
    }

    private String substitute(String text, Map<String, String> physicalIds) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(lookup(matcher.group(1), physicalIds)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String lookup(String name, Map<String, String> physicalIds) {
        if (physicalIds.containsKey(name)) {
            return physicalIds.get(name);
        }
        String parameter = parameterDefaults().get(name);
        if (parameter != null) {
            return parameter;
        }
        throw new IllegalArgumentException("Nothing provisioned or declared for " + name);
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }

    /** A CloudFormation short-form intrinsic such as {@code !Ref X}. */
    public record Intrinsic(String function, Object argument) {
    }

    /** Reads every {@code !Tag} as an {@link Intrinsic} instead of failing on unknown tags. */
    private static final class IntrinsicFunctions extends SafeConstructor {

        IntrinsicFunctions() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String function = node.getTag().getValue().substring(1);
                    Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    return new Intrinsic(function, argument);
                }
            });
        }
    }
}
