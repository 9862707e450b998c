package com.salesos.admin.local.deploy;

import com.salesos.admin.emulator.RepositoryRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS rules the emulator skips, checked in one place over the transformed template and the
 * packaged jars (see {@link DeployRule} for each rule and its documentation).
 */
public final class DeployRules implements AutoCloseable {

    private final TransformedTemplate template;
    private final Path root;
    private final Map<String, HandlerJar> jars = new HashMap<>();

    public DeployRules(TransformedTemplate template, Path root) {
        this.template = template;
        this.root = root;
    }

    public static DeployRules ofRepository() {
        return new DeployRules(TransformedTemplate.ofRepository(), RepositoryRoot.locate());
    }

    public List<Finding> check() {
        List<Finding> findings = new ArrayList<>(new FunctionRules(template, root, this::jarOf).check());
        // The SQS rules read the handler's return type from the jar, so only for functions whose jar is sound.
        if (findings.stream().noneMatch(f -> f.rule().startsWith(DeployRule.CODE_URI_IS_THE_PACKAGED_JAR.name()))) {
            findings.addAll(new SqsEventSourceRules(template, this::jarOf).check());
        }
        findings.addAll(new ScheduleRules(template).check());
        return findings;
    }

    static Finding finding(DeployRule rule, String resource, String problem, String fix) {
        return new Finding(rule.name() + " " + rule.documentation(), resource, problem, fix);
    }

    private HandlerJar jarOf(String function) {
        return jars.computeIfAbsent(function, f -> new HandlerJar(root.resolve(
                template.resource(f).path("Properties").path("Code").path("S3Key").asText())));
    }

    @Override
    public void close() {
        jars.values().forEach(HandlerJar::close);
    }
}
