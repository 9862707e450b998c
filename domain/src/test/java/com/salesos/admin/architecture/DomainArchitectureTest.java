package com.salesos.admin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain module's line, in sentences (ARCHITECTURE.md, STYLE.md): it depends on the JDK only,
 * and its feature packages do not form cycles. Only this module's main classes are imported: its
 * test classpath holds no other module, and test classes (ArchUnit, AssertJ) are left out.
 */
@AnalyzeClasses(packages = "com.salesos.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_knows_no_aws_sdk_micronaut_jackson_or_jakarta = noClasses()
            .that().resideInAPackage("com.salesos.admin..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "io.micronaut..", "com.fasterxml..", "jakarta..")
            .because("rules and use cases live behind ports; AWS, HTTP and JSON belong to adapters and the edge");

    @ArchTest
    static final ArchRule the_domain_depends_on_the_jdk_only = classes()
            .that().resideInAPackage("com.salesos.admin..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.salesos.admin..")
            .because("the domain module has no compile or runtime dependency (see DomainPomTest)");

    /** No exception: points reaches badge awarding through its own port (points.Rewards). */
    @ArchTest
    static final ArchRule domain_packages_are_free_of_cycles = slices()
            .matching("com.salesos.admin.(*)..")
            .should().beFreeOfCycles();
}
