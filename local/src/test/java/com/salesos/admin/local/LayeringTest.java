package com.salesos.admin.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the modules, in sentences (ARCHITECTURE.md, STYLE.md), checked here because this
 * module's classpath holds every module's main classes (test classes are left out):
 * functions -> edge (HTTP) -> runtime (settings, wiring, logs, metrics, the SQS batch frame) ->
 * adapters -> domain; nothing points back up; the runtime knows nothing of HTTP, so the queued and
 * scheduled functions ship without it; functions are independent of each other; dev-only code
 * (emulator, local stack, benchmarks) is used by nothing that ships.
 * The domain's own line (JDK only, no cycles) is held by DomainArchitectureTest in the domain module.
 */
@AnalyzeClasses(packages = "com.salesos.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    static final String[] DOMAIN = {"com.salesos.admin.access..", "com.salesos.admin.audit..", "com.salesos.admin.badges..",
            "com.salesos.admin.common..", "com.salesos.admin.exports..", "com.salesos.admin.invites..",
            "com.salesos.admin.plans..", "com.salesos.admin.points..", "com.salesos.admin.problems..",
            "com.salesos.admin.seats..", "com.salesos.admin.users..", "com.salesos.admin.workspaces.."};
    static final String[] EDGE = {"com.salesos.admin.web..", "com.salesos.admin.lambda.."};
    static final String[] RUNTIME = {"com.salesos.admin.runtime..", "com.salesos.admin.wiring..", "com.salesos.admin.config.."};
    static final String[] DEV_ONLY = {"com.salesos.admin.emulator..", "com.salesos.admin.local..", "com.salesos.admin.bench.."};

    @ArchTest
    static final ArchRule functions_over_edge_and_adapters_over_domain = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Functions").definedBy("com.salesos.admin.functions..")
            .layer("Edge").definedBy(EDGE)
            .layer("Runtime").definedBy(RUNTIME)
            .layer("Adapters").definedBy("com.salesos.admin.aws..")
            .layer("Domain").definedBy(DOMAIN)
            .layer("DevOnly").definedBy(DEV_ONLY)
            .whereLayer("Functions").mayOnlyBeAccessedByLayers("DevOnly")
            .whereLayer("Edge").mayOnlyBeAccessedByLayers("Functions", "DevOnly")
            .whereLayer("Runtime").mayOnlyBeAccessedByLayers("Edge", "Functions", "DevOnly")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Runtime", "Edge", "Functions", "DevOnly")
            .whereLayer("Domain").mayNotAccessAnyLayer()
            .whereLayer("DevOnly").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule adapters_depend_on_neither_the_edge_nor_any_function = noClasses()
            .that().resideInAPackage("com.salesos.admin.aws..")
            .should().dependOnClassesThat().resideInAnyPackage("com.salesos.admin.web..", "com.salesos.admin.lambda..",
                    "com.salesos.admin.runtime..", "com.salesos.admin.wiring..", "com.salesos.admin.config..",
                    "com.salesos.admin.functions..");

    @ArchTest
    static final ArchRule the_edge_and_the_runtime_depend_on_no_function = noClasses()
            .that().resideInAnyPackage("com.salesos.admin.web..", "com.salesos.admin.lambda..", "com.salesos.admin.runtime..",
                    "com.salesos.admin.wiring..", "com.salesos.admin.config..")
            .should().dependOnClassesThat().resideInAPackage("com.salesos.admin.functions..");

    @ArchTest
    static final ArchRule the_runtime_knows_no_http = noClasses()
            .that().resideInAnyPackage(RUNTIME)
            .should().dependOnClassesThat().resideInAnyPackage(EDGE)
            .orShould().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "io.micronaut.web..",
                    "io.micronaut.servlet..", "reactor..")
            .because("the queued and scheduled functions ship the runtime without an HTTP stack");

    @ArchTest
    static final ArchRule no_function_uses_another_function = slices()
            .matching("com.salesos.admin.functions.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule nothing_that_ships_uses_dev_only_code = noClasses()
            .that().resideOutsideOfPackages(DEV_ONLY)
            .should().dependOnClassesThat().resideInAnyPackage(DEV_ONLY)
            .because("the emulator, the local stack and the benchmarks never go into a Lambda jar");

    @ArchTest
    static final ArchRule nothing_that_ships_calls_an_operation_kept_for_the_emulator = noClasses()
            .that().resideOutsideOfPackages(DEV_ONLY)
            .should().callMethodWhere(EmulatorOnlyOperations.calls(EmulatorOnlyOperations.ofRepository()))
            .because("slim/*/keep.pro keeps them only so that the emulator and the tests run on the shipped SDK classes, "
                    + "and no function's policy allows them");

    @ArchTest
    static final ArchRule adapter_feature_packages_are_free_of_cycles = slices()
            .matching("com.salesos.admin.aws.(*)..")
            .should().beFreeOfCycles();
}
