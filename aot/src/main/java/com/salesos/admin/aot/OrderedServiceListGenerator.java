package com.salesos.admin.aot;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.micronaut.aot.core.AOTModule;
import io.micronaut.aot.core.Environments;
import io.micronaut.aot.core.Option;
import io.micronaut.aot.core.Runtime;
import io.micronaut.aot.std.sourcegen.AbstractStaticServiceLoaderSourceGenerator;
import io.micronaut.aot.std.sourcegen.GenericPropertySourceGenerator;
import io.micronaut.core.io.service.SoftServiceLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Micronaut AOT's static service lists for a JVM, without a lambda per listed class.
 *
 * <p>The analysis (which implementations a jar lists, which it leaves out) is the optimizer's own,
 * from the parent class, as in its generator for the JVM ({@code serviceloading.jit}). What differs
 * is the class initialiser written for each list. That generator's initialiser submits one lambda
 * per listed class to the common fork-join pool, so that other cores load them ahead; each of those
 * lambdas is a class the JVM spins at start, on the starting thread: 155 for the invites jar's bean
 * definitions, about 100 ms of its cold start. Here the names are an array and one task loads them
 * ahead, from the end of the list. The lookup is the JIT generator's: a parallel stream over the
 * names, in list order, which Micronaut maps to instances (so the definitions' initialisers and
 * constructors run on the pool as well as on the calling thread, as before). docs/benchmarks.md,
 * "Micronaut AOT", has the measurements.
 */
@AOTModule(
        id = OrderedServiceListGenerator.ID,
        description = AbstractStaticServiceLoaderSourceGenerator.DESCRIPTION,
        options = {
            @Option(key = AbstractStaticServiceLoaderSourceGenerator.SERVICE_TYPES,
                    description = "The service types to list (comma separated)"),
            @Option(key = AbstractStaticServiceLoaderSourceGenerator.REJECTED_CLASSES,
                    description = "Implementations never listed (comma separated)"),
            @Option(key = AbstractStaticServiceLoaderSourceGenerator.FORCE_INCLUDE,
                    description = "Implementations listed even if their requirements fail (comma separated)"),
            @Option(key = Environments.POSSIBLE_ENVIRONMENTS_NAMES,
                    description = Environments.POSSIBLE_ENVIRONMENTS_DESCRIPTION)
        },
        enabledOn = Runtime.JIT,
        subgenerators = {GenericPropertySourceGenerator.class}
)
public final class OrderedServiceListGenerator extends AbstractStaticServiceLoaderSourceGenerator {

    /** The switch in optimizations.properties ({@code serviceloading.ordered.enabled}). */
    public static final String ID = "serviceloading.ordered";

    @Override
    protected void generateFindAllMethod(Stream<Class<?>> serviceClasses, String serviceName, Class<?> serviceType,
                                         TypeSpec.Builder factory) {
        // Sorted, as the JIT generator sorts them: the same jar gives the same class.
        List<String> names = serviceClasses.map(Class::getName).sorted().toList();
        factory.addField(FieldSpec.builder(String[].class, "SERVICE_TYPES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(arrayOf(names))
                .build());
        factory.addStaticBlock(CodeBlock.builder()
                .addStatement("$T loader = $T.class.getClassLoader()", ClassLoader.class, serviceType)
                .add("$T.commonPool().execute(() -> {\n", ForkJoinPool.class).indent()
                .beginControlFlow("for (int i = SERVICE_TYPES.length - 1; i >= 0; i--)")
                .beginControlFlow("try")
                .addStatement("loader.loadClass(SERVICE_TYPES[i])")
                .nextControlFlow("catch ($T | $T ahead)", ClassNotFoundException.class, LinkageError.class)
                .add("// Ahead of need only: the lookup meets it again\n")
                .endControlFlow()
                .endControlFlow()
                .unindent().add("});\n")
                .build());
        TypeName definition = ParameterizedTypeName.get(SoftServiceLoader.StaticDefinition.class, serviceType);
        TypeName implementation = ParameterizedTypeName.get(ClassName.get(Class.class), TypeName.get(serviceType));
        factory.addMethod(MethodSpec.methodBuilder("load")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                .addParameter(ClassLoader.class, "loader")
                .addParameter(String.class, "name")
                .returns(definition)
                .beginControlFlow("try")
                .addStatement("return $T.of(name, ($T) loader.loadClass(name))", SoftServiceLoader.StaticDefinition.class,
                        implementation)
                .nextControlFlow("catch ($T missing)", ClassNotFoundException.class)
                .addComment("Not offered, as in the JIT generator's lists")
                .addStatement("return null")
                .endControlFlow()
                .build());
        factory.addMethod(MethodSpec.methodBuilder("findAll")
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .addParameter(ParameterizedTypeName.get(Predicate.class, String.class), "predicate")
                .returns(ParameterizedTypeName.get(ClassName.get(Stream.class), definition))
                .addStatement("$T loader = $T.class.getClassLoader()", ClassLoader.class, serviceType)
                .addStatement("return $T.stream(SERVICE_TYPES).parallel().filter(predicate).map(name -> load(loader, name))"
                        + ".filter($T::nonNull)", Arrays.class, Objects.class)
                .build());
    }

    private static CodeBlock arrayOf(List<String> names) {
        CodeBlock.Builder array = CodeBlock.builder().add("{\n").indent();
        for (int i = 0; i < names.size(); i++) {
            array.add("$S$L\n", names.get(i), i < names.size() - 1 ? "," : "");
        }
        return array.unindent().add("}").build();
    }
}
