package io.kondo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How ramps, faults, durations and sizes are written on the command line. */
class PlanSyntaxTest {

    @Test
    void rampStartsWithOneStepUnlessToldOtherwise() {
        Ramp ramp = Ramp.parse("+10/30s");
        assertThat(ramp).isEqualTo(new Ramp(10, 10, Duration.ofSeconds(30)));
        assertThat(ramp.tenantsAt(0, 50)).isEqualTo(10);
        assertThat(ramp.tenantsAt(29_999, 50)).isEqualTo(10);
        assertThat(ramp.tenantsAt(30_000, 50)).isEqualTo(20);
        assertThat(ramp.tenantsAt(600_000, 50)).isEqualTo(50);
        assertThat(ramp.fullAt(50)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Ramp.parse("5+10/1m").initial()).isEqualTo(5);
    }

    @Test
    void rampRefusesOtherForms() {
        assertThatThrownBy(() -> Ramp.parse("10 every 30s")).hasMessageContaining("+STEP/EVERY");
        assertThatThrownBy(() -> Ramp.parse("+10/200ms")).hasMessageContaining("at least 1s");
    }

    @Test
    void faultHasKindTimeAndDefaults() {
        FaultSpec fault = FaultSpec.parse("broker-restart@60s");
        assertThat(fault.kind()).isEqualTo(FaultKind.BROKER_RESTART);
        assertThat(fault.at()).isEqualTo(Duration.ofSeconds(60));
        assertThat(fault.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(fault.broker()).isEmpty();
    }

    @Test
    void faultTakesADurationAndOptions() {
        FaultSpec fault = FaultSpec.parse("noisy-tenant@1m+45s,tenant=3,factor=5");
        assertThat(fault.duration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(fault.tenant()).hasValue(3);
        assertThat(fault.factor()).isEqualTo(5.0);
        assertThat(fault.describe()).isEqualTo("noisy-tenant@1m+45s,tenant=3,factor=5.0");
        assertThat(FaultSpec.parse("broker-restart@10s+5s,broker=2").broker()).hasValue(2);
        assertThat(FaultSpec.parse("connection-storm@40s,connections=300").connections()).isEqualTo(300);
    }

    @Test
    void faultRefusesUnknownKindsAndOptions() {
        assertThatThrownBy(() -> FaultSpec.parse("meteor@10s")).hasMessageContaining("unknown fault 'meteor'")
                .hasMessageContaining("broker-restart");
        assertThatThrownBy(() -> FaultSpec.parse("broker-restart@10s,colour=red")).hasMessageContaining("unknown options [colour]");
        assertThatThrownBy(() -> FaultSpec.parse("broker-restart")).hasMessageContaining("KIND@AT");
        assertThatThrownBy(() -> FaultSpec.parse("connection-storm@1s,connections=100000")).hasMessageContaining("connections");
    }

    @Test
    void onlyBrokerGatewayAndControlPlaneFaultsNeedThePlatform() {
        assertThat(FaultKind.BROKER_RESTART.needsPlatform()).isTrue();
        assertThat(FaultKind.GATEWAY_RESTART.needsPlatform()).isTrue();
        assertThat(FaultKind.CONTROL_PLANE_RESTART.needsPlatform()).isTrue();
        assertThat(FaultKind.CONNECTION_STORM.needsPlatform()).isFalse();
        assertThat(FaultKind.NOISY_TENANT.needsPlatform()).isFalse();
    }

    @Test
    void durationsAndSizesAreWrittenWithUnits() {
        assertThat(Notation.duration("1.5m", "d")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Notation.duration("250ms", "d")).isEqualTo(Duration.ofMillis(250));
        assertThat(Notation.bytes("100KiB", "s")).isEqualTo(102_400);
        assertThat(Notation.bytes("1MiB", "s")).isEqualTo(1_048_576);
        assertThat(Notation.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThatThrownBy(() -> Notation.duration("soon", "--duration")).hasMessageContaining("--duration");
    }

    @Test
    void planIsBounded() {
        assertThatThrownBy(() -> SimulationPlan.builder().tenants(1_001).build()).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> SimulationPlan.builder().duration(null).build()).hasMessageContaining("duration or a message budget");
        assertThatThrownBy(() -> SimulationPlan.builder().duration(Duration.ofSeconds(30))
                .fault(FaultSpec.parse("broker-restart@45s")).build()).hasMessageContaining("starts after the run stops sending");
        assertThatThrownBy(() -> SimulationPlan.builder().tenants(3).fault(FaultSpec.parse("noisy-tenant@5s,tenant=3")).build())
                .hasMessageContaining("tenants are 0..2");
        SimulationPlan budgetOnly = SimulationPlan.builder().duration(null).messageBudget(1_000_000L).build();
        assertThat(budgetOnly.sendingBound()).isEqualTo(Duration.ofHours(1));
    }
}
