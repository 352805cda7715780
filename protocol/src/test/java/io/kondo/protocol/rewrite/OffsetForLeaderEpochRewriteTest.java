package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData.OffsetForLeaderPartition;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData.OffsetForLeaderTopic;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.EpochEndOffset;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.OffsetForLeaderTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetForLeaderEpochRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static OffsetForLeaderEpochRequestData request(int replicaId) {
        OffsetForLeaderEpochRequestData request = new OffsetForLeaderEpochRequestData().setReplicaId(replicaId);
        request.topics().add(new OffsetForLeaderTopic().setTopic("orders").setPartitions(new ArrayList<>(List.of(
                new OffsetForLeaderPartition().setPartition(0).setLeaderEpoch(3).setCurrentLeaderEpoch(4)))));
        return request;
    }

    private static OffsetForLeaderTopicResult result(String name) {
        return new OffsetForLeaderTopicResult().setTopic(name).setPartitions(new ArrayList<>(List.of(
                new EpochEndOffset().setPartition(0).setLeaderEpoch(3).setEndOffset(42))));
    }

    @ParameterizedTest
    @ValueSource(shorts = {2, 3, 4})
    void prefixesTopicsAndAnswersOnlyTheTenantsUnprefixed(short version) {
        OffsetForLeaderEpochRequestData request = request(-1);
        if (version < 3) {
            request.setReplicaId(-2);
        }

        OffsetForLeaderEpochRequestData backing = (OffsetForLeaderEpochRequestData) exchange.forward(request, version);
        assertThat(backing.topics()).extracting(OffsetForLeaderTopic::topic).containsExactly(PREFIX + "orders");

        OffsetForLeaderEpochResponseData response = new OffsetForLeaderEpochResponseData();
        response.topics().add(result(PREFIX + "orders"));
        response.topics().add(result(OTHER_PREFIX + "orders"));
        response.topics().add(result("__consumer_offsets"));
        OffsetForLeaderEpochResponseData answer = (OffsetForLeaderEpochResponseData) exchange.respond(response, version);

        assertThat(answer.topics()).extracting(OffsetForLeaderTopicResult::topic).containsExactly("orders");
        assertThat(answer.topics().iterator().next().partitions().get(0).endOffset()).isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(shorts = {3, 4})
    void refusesAFollowersRequest(short version) {
        OffsetForLeaderEpochResponseData answer = (OffsetForLeaderEpochResponseData) exchange.answer(request(1), version);

        assertThat(answer.topics()).singleElement().satisfies(t -> assertThat(t.partitions())
                .allSatisfy(p -> assertThat(p.errorCode()).isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED.code())));
    }
}
