package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import org.apache.kafka.common.message.AddOffsetsToTxnRequestData;
import org.apache.kafka.common.message.AddOffsetsToTxnResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddOffsetsToTxnRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 3, 4})
    void transactionAndGroupArePrefixed(short version) {
        AddOffsetsToTxnRequestData backing = (AddOffsetsToTxnRequestData) exchange.forward(new AddOffsetsToTxnRequestData()
                .setTransactionalId("tx-1").setGroupId("billing").setProducerId(7).setProducerEpoch((short) 1), version);

        assertThat(backing.transactionalId()).isEqualTo(PREFIX + "tx-1");
        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");

        AddOffsetsToTxnResponseData tenant = (AddOffsetsToTxnResponseData) exchange.respond(
                new AddOffsetsToTxnResponseData().setErrorCode(Errors.CONCURRENT_TRANSACTIONS.code()), version);
        assertThat(tenant.errorCode()).isEqualTo(Errors.CONCURRENT_TRANSACTIONS.code());
    }
}
