package com.salesos.admin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A settings record reads exactly the variables it declares, and a start without them fails naming each. */
class SettingsReaderTest {

    private record MailSettings(String sender, String appUrl) {
    }

    private static final List<String> VARIABLES = List.of("SENDER_ADDRESS", "APP_URL");

    private static UnaryOperator<String> environment(Map<String, String> values) {
        return values::get;
    }

    @Test
    void a_start_without_variables_fails_naming_every_missing_one_at_once() {
        assertThatThrownBy(() -> SettingsReader.read("MailSettings", VARIABLES, environment(Map.of("APP_URL", " ")),
                values -> new MailSettings(values.text("SENDER_ADDRESS"), values.text("APP_URL"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("MailSettings cannot start, missing configuration: SENDER_ADDRESS, APP_URL");
    }

    @Test
    void reading_a_variable_the_record_did_not_declare_is_refused() {
        assertThatThrownBy(() -> SettingsReader.read("MailSettings", List.of("SENDER_ADDRESS"),
                environment(Map.of("SENDER_ADDRESS", "a@b.test", "APP_URL", "https://app.test")),
                values -> new MailSettings(values.text("SENDER_ADDRESS"), values.text("APP_URL"))))
                .hasMessageStartingWith("MailSettings reads APP_URL without declaring it");
    }

    @Test
    void declaring_a_variable_the_record_never_reads_is_refused() {
        assertThatThrownBy(() -> SettingsReader.read("MailSettings", VARIABLES,
                environment(Map.of("SENDER_ADDRESS", "a@b.test", "APP_URL", "https://app.test")),
                values -> new MailSettings(values.text("SENDER_ADDRESS"), "fixed")))
                .hasMessageStartingWith("MailSettings declares APP_URL but never reads it");
    }

    @Test
    void values_are_trimmed_base_urls_lose_their_trailing_slash_and_numbers_must_be_positive() {
        MailSettings settings = SettingsReader.read("MailSettings", VARIABLES,
                environment(Map.of("SENDER_ADDRESS", " a@b.test ", "APP_URL", "https://app.test/")),
                values -> new MailSettings(values.text("SENDER_ADDRESS"), values.baseUrl("APP_URL")));
        assertThat(settings).isEqualTo(new MailSettings("a@b.test", "https://app.test"));

        assertThatThrownBy(() -> SettingsReader.read("PartSettings", List.of("PART"), environment(Map.of("PART", "5 MiB")),
                values -> values.positiveInt("PART")))
                .hasMessage("PartSettings cannot start: PART must be a positive whole number, not '5 MiB'");
        int part = SettingsReader.read("PartSettings", List.of("PART"), environment(Map.of("PART", "5242880")),
                values -> values.positiveInt("PART"));
        assertThat(part).isEqualTo(5_242_880);
    }

    @Test
    void a_system_property_wins_over_the_environment_variable_of_the_same_name() {
        String name = "SALESOS_SETTINGS_READER_TEST";
        System.setProperty(name, "from-property");
        try {
            assertThat(SettingsReader.SYSTEM.apply(name)).isEqualTo("from-property");
        } finally {
            System.clearProperty(name);
        }
        assertThat(SettingsReader.SYSTEM.apply(name)).isNull();
    }
}
