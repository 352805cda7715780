package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InitProducerIdRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 3, 6})
    void transactionalIdIsPrefixed(short version) {
        InitProducerIdRequestData backing = (InitProducerIdRequestData) exchange.forward(
                new InitProducerIdRequestData().setTransactionalId("tx-1").setTransactionTimeoutMs(60_000), version);

        assertThat(backing.transactionalId()).isEqualTo(PREFIX + "tx-1");

        InitProducerIdResponseData tenant = (InitProducerIdResponseData) exchange.respond(
                new InitProducerIdResponseData().setProducerId(7).setProducerEpoch((short) 2), version);
        assertThat(tenant.producerId()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 3, 6})
    void anIdempotentProducerHasNoTransactionalId(short version) {
        InitProducerIdRequestData backing = (InitProducerIdRequestData) exchange.forward(
                new InitProducerIdRequestData().setTransactionalId(null).setTransactionTimeoutMs(60_000), version);

        assertThat(backing.transactionalId()).isNull();
    }
}
