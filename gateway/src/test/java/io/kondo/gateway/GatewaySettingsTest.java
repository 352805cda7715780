package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    @Test
    void theDefaultRequestTimeCapacityIsEveryIoThreadInFull() {
        GatewaySettings one = GatewaySettings.defaults("127.0.0.1", 9092, 1);
        GatewaySettings six = GatewaySettings.defaults("127.0.0.1", 9092, 6);

        assertThat(one.ioThreads()).isEqualTo(1);
        assertThat(one.capacity().requestTimePercent()).isEqualTo(100.0);
        assertThat(six.capacity().requestTimePercent()).isEqualTo(600.0);
        assertThat(six.capacity().overload().maxLimit()).isEqualTo(600.0);
        assertThat(GatewaySettings.defaults("127.0.0.1", 9092).ioThreads()).isEqualTo(GatewaySettings.DEFAULT_IO_THREADS);
    }

    @Test
    void theThreadCountSurvivesTheOtherSettings() {
        GatewaySettings settings = GatewaySettings.defaults("127.0.0.1", 9092, 3)
                .withLoginFailuresPerMinute(5).withCapacity(CapacityLimits.defaults(8));

        assertThat(settings.ioThreads()).isEqualTo(3);
    }

    @Test
    void refusesNoThreadsAndAbsurdlyMany() {
        assertThatThrownBy(() -> GatewaySettings.defaults("127.0.0.1", 9092, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 1024, got 0");
        assertThatThrownBy(() -> GatewaySettings.defaults("127.0.0.1", 9092, 1025))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1025");
    }
}
