package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData.Coordinator;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorRequest.CoordinatorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindCoordinatorRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @CsvSource({"0,billing", "1,tx-1"})
    void batchedKeysAreMappedBothWaysAndCoordinatorsShownAtGatewayPorts(byte type, String key) {
        short version = 6;
        FindCoordinatorRequestData backing = (FindCoordinatorRequestData) exchange.forward(new FindCoordinatorRequestData()
                .setKeyType(type).setCoordinatorKeys(new ArrayList<>(List.of(key))), version);
        assertThat(backing.coordinatorKeys()).containsExactly(PREFIX + key);

        FindCoordinatorResponseData response = new FindCoordinatorResponseData();
        response.coordinators().add(new Coordinator().setKey(PREFIX + key).setNodeId(3).setHost("10.0.0.3").setPort(29094));
        Coordinator answer = ((FindCoordinatorResponseData) exchange.respond(response, version)).coordinators().get(0);

        assertThat(answer.key()).isEqualTo(key);
        assertThat(answer.host()).isEqualTo(TestTenant.GATEWAY_HOST);
        assertThat(answer.port()).isEqualTo(19095);
    }

    @Test
    void singleKeyVersionsAreMappedToo() {
        short version = 3;
        FindCoordinatorRequestData backing = (FindCoordinatorRequestData) exchange.forward(
                new FindCoordinatorRequestData().setKey("billing").setKeyType(CoordinatorType.GROUP.id()), version);
        assertThat(backing.key()).isEqualTo(PREFIX + "billing");

        FindCoordinatorResponseData tenant = (FindCoordinatorResponseData) exchange.respond(
                new FindCoordinatorResponseData().setNodeId(9).setHost("10.0.0.9").setPort(29099), version);
        assertThat(tenant.nodeId()).isEqualTo(-1);
        assertThat(tenant.errorCode()).isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE.code());
    }

    @Test
    void refusesShareCoordinators() {
        FindCoordinatorResponseData answer = (FindCoordinatorResponseData) exchange.answer(new FindCoordinatorRequestData()
                .setKeyType(CoordinatorType.SHARE.id()).setCoordinatorKeys(new ArrayList<>(List.of("g:t:0"))), (short) 6);

        assertThat(answer.coordinators()).allSatisfy(c -> assertThat(c.errorCode()).isEqualTo(Errors.INVALID_REQUEST.code()));
    }
}
