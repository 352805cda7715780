package io.kondo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuPlacementTest {

    @Test
    void clientsGetEveryProcessorTheBrokersDoNotHave() {
        CpuPlacement placement = CpuPlacement.of("1", Optional.empty(), 2);

        assertThat(placement.brokers()).isEqualTo("1");
        assertThat(placement.gateway()).isEmpty();
        assertThat(placement.clients()).isEqualTo("0");
        assertThat(placement).hasToString("brokers on processors 1, clients and gateway on 0");
    }

    @Test
    void brokersGatewayAndClientsEachGetProcessorsOfTheirOwn() {
        CpuPlacement placement = CpuPlacement.of("4-7", Optional.of("2,3"), 8);

        assertThat(placement.brokers()).isEqualTo("4,5,6,7");
        assertThat(placement.gateway()).contains("2,3");
        assertThat(placement.clients()).isEqualTo("0,1");
        assertThat(placement).hasToString("brokers on processors 4,5,6,7, gateway on 2,3, clients on 0,1");
    }

    @Test
    void theGatewayMayShareTheBrokersProcessors() {
        CpuPlacement placement = CpuPlacement.of("1", Optional.of("1"), 2);

        assertThat(placement.gateway()).contains("1");
        assertThat(placement.clients()).isEqualTo("0");
    }

    @Test
    void refusesAPlacementThatLeavesTheClientsNothing() {
        assertThatThrownBy(() -> CpuPlacement.of("0-1", Optional.empty(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--broker-cpus 0-1 leave no processor for the clients");
        assertThatThrownBy(() -> CpuPlacement.of("1", Optional.of("0"), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--broker-cpus 1 and --gateway-cpus 0 leave no processor for the clients");
    }

    @Test
    void refusesMalformedListsAndProcessorsTheHostDoesNotHave() {
        assertThatThrownBy(() -> CpuPlacement.of("1;2", Optional.empty(), 4))
                .hasMessage("--broker-cpus takes a processor list such as 1 or 2-3 or 0,2, was '1;2'");
        assertThatThrownBy(() -> CpuPlacement.of("1", Optional.of("3-2"), 4))
                .hasMessage("--gateway-cpus 3-2: processor 3-2 is not among this host's 0-3");
        assertThatThrownBy(() -> CpuPlacement.of("4", Optional.empty(), 4))
                .hasMessage("--broker-cpus 4: processor 4 is not among this host's 0-3");
    }

    @Test
    void placesNoThreadWhenTheGatewayHasNoProcessorsOfItsOwn() throws Exception {
        assertThat(CpuPlacement.of("1", Optional.empty(), 2).placeGatewayThreads()).isZero();
    }
}
