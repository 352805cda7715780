package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopic;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTransaction;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddPartitionsToTxnRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static AddPartitionsToTxnTopic topic(String name) {
        return new AddPartitionsToTxnTopic().setName(name).setPartitions(new ArrayList<>(List.of(0, 1)));
    }

    private static AddPartitionsToTxnTopicResult result(String name) {
        AddPartitionsToTxnTopicResult result = new AddPartitionsToTxnTopicResult().setName(name);
        result.resultsByPartition().add(new AddPartitionsToTxnPartitionResult().setPartitionIndex(0));
        return result;
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 2, 3})
    void transactionAndTopicsArePrefixedAndOnlyTheTenantsTopicsComeBack(short version) {
        AddPartitionsToTxnRequestData request = new AddPartitionsToTxnRequestData().setV3AndBelowTransactionalId("tx-1")
                .setV3AndBelowProducerId(7).setV3AndBelowProducerEpoch((short) 1);
        request.v3AndBelowTopics().add(topic("orders"));
        request.v3AndBelowTopics().add(topic("payments"));

        AddPartitionsToTxnRequestData backing = (AddPartitionsToTxnRequestData) exchange.forward(request, version);

        assertThat(backing.v3AndBelowTransactionalId()).isEqualTo(PREFIX + "tx-1");
        assertThat(backing.v3AndBelowTopics()).extracting(AddPartitionsToTxnTopic::name)
                .containsExactly(PREFIX + "orders", PREFIX + "payments");
        assertThat(backing.v3AndBelowTopics().find(PREFIX + "payments")).isNotNull();

        AddPartitionsToTxnResponseData response = new AddPartitionsToTxnResponseData();
        for (String name : List.of(PREFIX + "orders", OTHER_PREFIX + "x", "__transaction_state", PREFIX + "payments")) {
            response.resultsByTopicV3AndBelow().add(result(name));
        }
        AddPartitionsToTxnResponseData tenant = (AddPartitionsToTxnResponseData) exchange.respond(response, version);

        assertThat(tenant.resultsByTopicV3AndBelow()).extracting(AddPartitionsToTxnTopicResult::name)
                .containsExactly("orders", "payments");
        assertThat(tenant.resultsByTopicV3AndBelow().find("orders")).isNotNull();
    }

    @Test
    void theBrokerToBrokerBatchedVersionsAreRefused() {
        AddPartitionsToTxnRequestData request = new AddPartitionsToTxnRequestData();
        request.transactions().add(new AddPartitionsToTxnTransaction().setTransactionalId("tx-1").setProducerId(7)
                .setVerifyOnly(true));

        AddPartitionsToTxnResponseData answer = (AddPartitionsToTxnResponseData) exchange.answer(request, (short) 4);

        assertThat(answer.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
    }
}
