package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData.TxnOffsetCommitRequestPartition;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData.TxnOffsetCommitResponsePartition;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData.TxnOffsetCommitResponseTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TxnOffsetCommitRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static TxnOffsetCommitResponseTopic result(String name) {
        return new TxnOffsetCommitResponseTopic().setName(name)
                .setPartitions(new ArrayList<>(List.of(new TxnOffsetCommitResponsePartition().setPartitionIndex(0))));
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 3, 5})
    void transactionGroupAndTopicsArePrefixedAndOnlyTheTenantsTopicsComeBack(short version) {
        TxnOffsetCommitRequestData request = new TxnOffsetCommitRequestData().setTransactionalId("tx-1").setGroupId("billing")
                .setProducerId(7).setProducerEpoch((short) 1).setTopics(new ArrayList<>(List.of(new TxnOffsetCommitRequestTopic()
                        .setName("orders").setPartitions(new ArrayList<>(List.of(
                                new TxnOffsetCommitRequestPartition().setPartitionIndex(0).setCommittedOffset(42)))))));

        TxnOffsetCommitRequestData backing = (TxnOffsetCommitRequestData) exchange.forward(request, version);

        assertThat(backing.transactionalId()).isEqualTo(PREFIX + "tx-1");
        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");
        assertThat(backing.topics()).extracting(TxnOffsetCommitRequestTopic::name).containsExactly(PREFIX + "orders");

        TxnOffsetCommitResponseData response = new TxnOffsetCommitResponseData().setTopics(new ArrayList<>(List.of(
                result(PREFIX + "orders"), result(OTHER_PREFIX + "x"), result("__consumer_offsets"))));
        TxnOffsetCommitResponseData tenant = (TxnOffsetCommitResponseData) exchange.respond(response, version);

        assertThat(tenant.topics()).extracting(TxnOffsetCommitResponseTopic::name).containsExactly("orders");
    }
}
