package io.kondo.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kondo.core.quota.OverloadGovernor;
import io.kondo.gateway.CapacityLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapacityConfigTest {

    /** The gateway's defaults on a machine with two processors: 400% of one thread. */
    private static final CapacityLimits GATEWAY_DEFAULTS = new CapacityLimits(CapacityLimits.UNLIMITED,
            CapacityLimits.UNLIMITED, 400, 200, 20, new OverloadGovernor.Settings(20, 400, 0.8, 20, 1_000, 5_000, 1_000));

    @TempDir
    Path home;
    private final KondoConfigLoader loader = new KondoConfigLoader();

    @Test
    void withoutACapacitySectionTheGatewayKeepsItsDefaults() {
        KondoConfig config = loader.load(home, Map.of());

        assertThat(config.capacity()).isEqualTo(CapacityConfig.DEFAULTS);
        assertThat(config.capacity().applyTo(GATEWAY_DEFAULTS)).isEqualTo(GATEWAY_DEFAULTS);
        assertThat(config.capacity().applyTo(CapacityLimits.defaults())).isEqualTo(CapacityLimits.defaults());
    }

    @Test
    void readsTheCapacitySectionOfKondoYaml() throws IOException {
        Files.writeString(home.resolve("kondo.yaml"), """
                capacity:
                  produce-bytes-per-second-per-broker: 52428800
                  fetch-bytes-per-second-per-broker: 104857600
                  request-time-percent: 800
                  accepts-per-second: 150
                  accepts-per-second-per-address: 2.5
                """);

        CapacityConfig capacity = loader.load(home, Map.of()).capacity();

        assertThat(capacity).isEqualTo(new CapacityConfig(OptionalLong.of(52_428_800), OptionalLong.of(104_857_600),
                OptionalDouble.of(800), OptionalDouble.of(150), OptionalDouble.of(2.5)));
        CapacityLimits limits = capacity.applyTo(GATEWAY_DEFAULTS);
        assertThat(limits.produceBytesPerSecondPerBroker()).isEqualTo(52_428_800);
        assertThat(limits.fetchBytesPerSecondPerBroker()).isEqualTo(104_857_600);
        assertThat(limits.requestTimePercent()).isEqualTo(800);
        assertThat(limits.acceptsPerSecond()).isEqualTo(150);
        assertThat(limits.acceptsPerSecondPerAddress()).isEqualTo(2.5);
    }

    @Test
    void theOverloadGovernorScalesWithTheRequestTimeLimit() {
        CapacityConfig capacity = new CapacityConfig(OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.of(1_000),
                OptionalDouble.empty(), OptionalDouble.empty());

        OverloadGovernor.Settings governor = capacity.applyTo(GATEWAY_DEFAULTS).overload();

        assertThat(governor.maxLimit()).isEqualTo(1_000);
        assertThat(governor.minLimit()).isCloseTo(50, within(1e-9));
        assertThat(governor.increaseStep()).isCloseTo(50, within(1e-9));
        assertThat(governor.decreaseFactor()).isEqualTo(0.8);
        assertThat(governor.stepIntervalMs()).isEqualTo(1_000);
        assertThat(governor.maxInFlight()).isEqualTo(5_000);
        assertThat(governor.maxLatencyMs()).isEqualTo(1_000);
    }

    @Test
    void theEnvironmentOverridesKondoYamlKeyByKey() throws IOException {
        Files.writeString(home.resolve("kondo.yaml"), """
                capacity:
                  produce-bytes-per-second-per-broker: 1000
                  accepts-per-second: 50
                """);

        CapacityConfig capacity = loader.load(home, Map.of(
                "KONDO_CAPACITY_PRODUCE_BYTES_PER_SECOND_PER_BROKER", "2000",
                "KONDO_CAPACITY_FETCH_BYTES_PER_SECOND_PER_BROKER", "3000",
                "KONDO_CAPACITY_REQUEST_TIME_PERCENT", "300.5",
                "KONDO_CAPACITY_ACCEPTS_PER_SECOND_PER_ADDRESS", "5")).capacity();

        assertThat(capacity).isEqualTo(new CapacityConfig(OptionalLong.of(2000), OptionalLong.of(3000),
                OptionalDouble.of(300.5), OptionalDouble.of(50), OptionalDouble.of(5)));
    }

    @Test
    void aByteRateBeyondWhatTheGatewayCountsIsUnlimited() {
        CapacityConfig capacity = loader.load(home, Map.of(
                "KONDO_CAPACITY_FETCH_BYTES_PER_SECOND_PER_BROKER", Long.toString(Long.MAX_VALUE))).capacity();

        assertThat(capacity.applyTo(GATEWAY_DEFAULTS).fetchBytesPerSecondPerBroker()).isEqualTo(CapacityLimits.UNLIMITED);
    }

    @Test
    void refusesAnUnknownCapacityKeyNamingIt() throws IOException {
        Files.writeString(home.resolve("kondo.yaml"), "capacity:\n  produce-bytes-per-second: 1000\n");

        assertThatThrownBy(() -> loader.load(home, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("produce-bytes-per-second");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            produce-bytes-per-second-per-broker | 0       | capacity.produce-bytes-per-second-per-broker must be positive, got 0
            produce-bytes-per-second-per-broker | -1      | capacity.produce-bytes-per-second-per-broker must be positive, got -1
            fetch-bytes-per-second-per-broker   | 50MiB   | capacity.fetch-bytes-per-second-per-broker must be a whole number, got '50MiB'
            fetch-bytes-per-second-per-broker   | 1.5     | capacity.fetch-bytes-per-second-per-broker must be a whole number, got '1.5'
            request-time-percent                | 0       | capacity.request-time-percent must be positive, got 0
            request-time-percent                | lots    | capacity.request-time-percent must be a number such as 200 or 2.5, got 'lots'
            request-time-percent                | 200%    | capacity.request-time-percent must be a number such as 200 or 2.5, got '200%'
            accepts-per-second                  | -200    | capacity.accepts-per-second must be positive, got -200
            accepts-per-second-per-address      | 0.0     | capacity.accepts-per-second-per-address must be positive, got 0.0
            """)
    void refusesAnInvalidValueInKondoYamlNamingTheKey(String key, String value, String message) throws IOException {
        Files.writeString(home.resolve("kondo.yaml"), "capacity:\n  " + key + ": " + value + "\n");

        assertThatThrownBy(() -> loader.load(home, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            KONDO_CAPACITY_PRODUCE_BYTES_PER_SECOND_PER_BROKER | 0        | KONDO_CAPACITY_PRODUCE_BYTES_PER_SECOND_PER_BROKER must be positive, got 0
            KONDO_CAPACITY_FETCH_BYTES_PER_SECOND_PER_BROKER   | 1e9      | KONDO_CAPACITY_FETCH_BYTES_PER_SECOND_PER_BROKER must be a whole number, got '1e9'
            KONDO_CAPACITY_REQUEST_TIME_PERCENT                | NaN      | KONDO_CAPACITY_REQUEST_TIME_PERCENT must be a number such as 200 or 2.5, got 'NaN'
            KONDO_CAPACITY_REQUEST_TIME_PERCENT                | Infinity | KONDO_CAPACITY_REQUEST_TIME_PERCENT must be a number such as 200 or 2.5, got 'Infinity'
            KONDO_CAPACITY_ACCEPTS_PER_SECOND                  | -5       | KONDO_CAPACITY_ACCEPTS_PER_SECOND must be positive, got -5
            KONDO_CAPACITY_ACCEPTS_PER_SECOND_PER_ADDRESS      | twenty   | KONDO_CAPACITY_ACCEPTS_PER_SECOND_PER_ADDRESS must be a number such as 200 or 2.5, got 'twenty'
            """)
    void refusesAnInvalidValueInTheEnvironmentNamingTheVariable(String variable, String value, String message) {
        assertThatThrownBy(() -> loader.load(home, Map.of(variable, value)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(message);
    }

    @Test
    void theConfigurationPrintsWhatIsSetAndWhatIsLeftToTheGateway() {
        KondoConfig config = loader.load(home, Map.of("KONDO_CAPACITY_ACCEPTS_PER_SECOND", "100"));

        assertThat(config.toString()).contains("capacity=CapacityConfig[produceBytesPerSecondPerBroker=default,")
                .contains("acceptsPerSecond=100.0,");
    }
}
