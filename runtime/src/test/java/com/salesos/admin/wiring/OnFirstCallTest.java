package com.salesos.admin.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A port built on its first call: built once, every call reaches the adapter, its exceptions unwrapped. */
class OnFirstCallTest {

    /** A stand-in for a domain port: two methods, and a default one. */
    public interface Greeter {
        String greet(String name);

        String farewell(String name);

        default String both(String name) {
            return greet(name) + " " + farewell(name);
        }
    }

    private final AtomicInteger built = new AtomicInteger();
    private final FirstCalls firstCalls = new FirstCalls();

    private Greeter port() {
        return firstCalls.of(Greeter.class, () -> {
            built.incrementAndGet();
            return new Greeter() {
                @Override
                public String greet(String name) {
                    if (name.isEmpty()) {
                        throw new IllegalArgumentException("no name");
                    }
                    return "Hello, " + name;
                }

                @Override
                public String farewell(String name) {
                    return "Goodbye, " + name;
                }
            };
        });
    }

    @Test
    void the_adapter_is_built_on_the_first_call_only_and_each_method_reaches_its_own() {
        Greeter greeter = port();
        assertThat(built).hasValue(0);

        assertThat(greeter.greet("Ada")).isEqualTo("Hello, Ada");
        assertThat(greeter.farewell("Ada")).isEqualTo("Goodbye, Ada");
        assertThat(greeter.greet("Grace")).isEqualTo("Hello, Grace");
        assertThat(greeter.farewell("Grace")).isEqualTo("Goodbye, Grace");
        assertThat(greeter.both("Alan")).isEqualTo("Hello, Alan Goodbye, Alan");

        assertThat(built).hasValue(1);
    }

    @Test
    void the_ports_own_object_methods_build_nothing() {
        Greeter greeter = port();
        Greeter other = port();

        assertThat(greeter).isEqualTo(greeter).isNotEqualTo(other);
        assertThat(greeter.hashCode()).isEqualTo(System.identityHashCode(greeter));
        assertThat(greeter.toString()).isEqualTo("Greeter (built on first call)");
        assertThat(built).hasValue(0);
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
        Greeter second = firstCalls.of(Greeter.class, () -> new Greeter() {
            @Override
            public String greet(String name) {
                return "Hi, " + name;
            }

            @Override
            public String farewell(String name) {
                return "Bye, " + name;
            }
        });

        assertThat(first.greet("Ada")).isEqualTo("Hello, Ada");
        assertThat(second.greet("Ada")).isEqualTo("Hi, Ada");
        assertThat(second.farewell("Ada")).isEqualTo("Bye, Ada");
        assertThat(first.farewell("Ada")).isEqualTo("Goodbye, Ada");
    }

    @Test
    void the_priming_builds_every_port_not_built_yet_and_none_twice() {
        Greeter used = port();
        used.greet("Ada");
        port();

        firstCalls.buildAll();
        firstCalls.buildAll();

        assertThat(built).hasValue(2);
    }
}
