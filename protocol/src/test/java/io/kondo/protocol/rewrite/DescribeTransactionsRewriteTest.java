package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.DescribeTransactionsRequestData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TopicData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TransactionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DescribeTransactionsRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static TransactionState state(String id) {
        TransactionState state = new TransactionState().setTransactionalId(id).setTransactionState("Ongoing").setProducerId(7);
        for (String topic : List.of(PREFIX + "orders", OTHER_PREFIX + "orders", "__consumer_offsets", PREFIX + "payments")) {
            state.topics().add(new TopicData().setTopic(topic).setPartitions(new ArrayList<>(List.of(0))));
        }
        return state;
    }

    @ParameterizedTest
    @ValueSource(shorts = {0})
    void transactionalIdsArePrefixedAndOnlyTheTenantsTransactionsAndTopicsComeBack(short version) {
        DescribeTransactionsRequestData backing = (DescribeTransactionsRequestData) exchange.forward(
                new DescribeTransactionsRequestData().setTransactionalIds(new ArrayList<>(List.of("tx-1", "tx-2"))), version);

        assertThat(backing.transactionalIds()).containsExactly(PREFIX + "tx-1", PREFIX + "tx-2");

        DescribeTransactionsResponseData response = new DescribeTransactionsResponseData().setTransactionStates(new ArrayList<>(List.of(
                state(PREFIX + "tx-1"), state(OTHER_PREFIX + "tx-1"), state("__kondo-internal"), state(PREFIX + "tx-2"))));
        DescribeTransactionsResponseData tenant = (DescribeTransactionsResponseData) exchange.respond(response, version);

        assertThat(tenant.transactionStates()).extracting(TransactionState::transactionalId).containsExactly("tx-1", "tx-2");
        assertThat(tenant.transactionStates().get(0).topics()).extracting(TopicData::topic).containsExactly("orders", "payments");
        assertThat(tenant.transactionStates().get(0).topics().find("payments")).isNotNull();
    }
}
