package com.salesos.admin.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** score = base for the type + floor(value in major units / 1,000 x multiplier). */
class PointSettingsTest {

    final PointSettings settings = new PointSettings(3, Instant.EPOCH,
            Map.of(ActivityType.DEAL_WON, 50, ActivityType.CALL_LOGGED, 2), new BigDecimal("1.5"));

    @Test
    void a_won_deal_earns_its_base_and_a_floored_value_bonus() {
        // EUR 25,000.00 -> 25 x 1.5 = 37.5 -> 37
        PointSettings.Score score = settings.score(ActivityType.DEAL_WON, 2_500_000L);
        assertThat(score.base()).isEqualTo(50);
        assertThat(score.bonus()).isEqualTo(37);
        assertThat(score.total()).isEqualTo(87);
        assertThat(score.settingsVersion()).isEqualTo(3);
    }

    @Test
    void values_under_a_thousand_earn_no_bonus_and_activities_without_value_only_their_base() {
        assertThat(settings.score(ActivityType.DEAL_WON, 66_666L).bonus()).isZero(); // 666.66 / 1000 x 1.5 = 0.99
        assertThat(settings.score(ActivityType.CALL_LOGGED, null).total()).isEqualTo(2);
    }

    @Test
    void a_type_the_settings_do_not_name_scores_zero() {
        assertThat(settings.score(ActivityType.EMAIL_SENT, null).total()).isZero();
    }
}
