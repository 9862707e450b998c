package com.salesos.admin.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A port built on its first call: built once, every call reaches the adapter, its exceptions unwrapped. */
class OnFirstCallTest {

    /** A stand-in for a domain port. */
    public interface Greeter {
        String greet(String name);
    }

    private final AtomicInteger built = new AtomicInteger();
    private final FirstCalls firstCalls = new FirstCalls();

    private Greeter port() {
        return firstCalls.of(Greeter.class, () -> {
            built.incrementAndGet();
            return name -> {
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("no name");
                }
                return "Hello, " + name;
            };
        });
    }

    @Test
    void the_adapter_is_built_on_the_first_call_only_and_answers_every_call() {
        Greeter greeter = port();
        assertThat(built).hasValue(0);

        assertThat(greeter.greet("Ada")).isEqualTo("Hello, Ada");
        assertThat(greeter.greet("Grace")).isEqualTo("Hello, Grace");

        assertThat(built).hasValue(1);
    }

    @Test
    void the_adapters_exception_reaches_the_caller_as_thrown() {
        Greeter greeter = port();

        assertThatThrownBy(() -> greeter.greet("")).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no name");
        assertThat(greeter.greet("Ada")).isEqualTo("Hello, Ada");
    }

    @Test
    void two_ports_of_one_interface_keep_their_own_adapters() {
        Greeter first = port();
        Greeter second = firstCalls.of(Greeter.class, () -> name -> "Hi, " + name);

        assertThat(first.greet("Ada")).isEqualTo("Hello, Ada");
        assertThat(second.greet("Ada")).isEqualTo("Hi, Ada");
    }

    @Test
    void the_priming_builds_every_port_not_built_yet() {
        port();

        firstCalls.buildAll();

        assertThat(built).hasValue(1);
    }
}
