package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import org.apache.kafka.common.message.EndTxnRequestData;
import org.apache.kafka.common.message.EndTxnResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndTxnRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 3, 5})
    void transactionalIdIsPrefixed(short version) {
        EndTxnRequestData backing = (EndTxnRequestData) exchange.forward(new EndTxnRequestData().setTransactionalId("tx-1")
                .setProducerId(7).setProducerEpoch((short) 1).setCommitted(true), version);

        assertThat(backing.transactionalId()).isEqualTo(PREFIX + "tx-1");
        assertThat(backing.committed()).isTrue();

        EndTxnResponseData response = new EndTxnResponseData();
        if (version >= 5) {
            response.setProducerId(7).setProducerEpoch((short) 2);
        }
        EndTxnResponseData tenant = (EndTxnResponseData) exchange.respond(response, version);
        assertThat(tenant.producerEpoch()).isEqualTo(response.producerEpoch());
    }
}
