package com.salesos.admin.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftOutTest {

    @TempDir
    Path logs;

    @Test
    void names_each_implementation_left_out_once_whichever_way_the_log_says_it() throws IOException {
        // Lines as micronaut-aot-std-optimizers 2.9.0 writes them.
        Files.writeString(logs.resolve("serviceloading.log"), String.join("\n",
                "Starting service discovery for type io.micronaut.inject.BeanDefinitionReference",
                "Skipping service io.micronaut.inject.BeanDefinitionReference implementation io.micronaut.inject.provider.JavaxProviderBeanDefinition because of missing dependencies:javax/inject/Provider",
                "Skipping class io.micronaut.inject.provider.JavaxProviderBeanDefinition because it doesn't match bean requirements",
                "Skipping class io.micronaut.http.body.$ByteBufferBodyHandler$Definition because it doesn't match bean requirements",
                "Disabling io.example.$Feature$Definition because it belongs to io.example which is disabled (class io.example.$BeanConfiguration)",
                "Starting service discovery for type io.micronaut.http.HttpRequestFactory"));

        assertThat(LeftOut.read(logs).classes()).containsExactly(
                "io.example.$Feature$Definition",
                "io.micronaut.http.body.$ByteBufferBodyHandler$Definition",
                "io.micronaut.inject.provider.JavaxProviderBeanDefinition");
    }

    @Test
    void a_missing_log_fails_rather_than_reporting_nothing_left_out() {
        assertThatThrownBy(() -> LeftOut.read(logs)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("serviceloading.log");
    }
}
