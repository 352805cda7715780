package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeartbeatRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 3, 4})
    void groupIdIsPrefixed(short version) {
        HeartbeatRequestData backing = (HeartbeatRequestData) exchange.forward(
                new HeartbeatRequestData().setGroupId("billing").setGenerationId(3).setMemberId("m-1"), version);

        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");
        assertThat(backing.memberId()).isEqualTo("m-1");

        HeartbeatResponseData tenant = (HeartbeatResponseData) exchange.respond(
                new HeartbeatResponseData().setErrorCode(Errors.REBALANCE_IN_PROGRESS.code()), version);
        assertThat(tenant.errorCode()).isEqualTo(Errors.REBALANCE_IN_PROGRESS.code());
    }
}
