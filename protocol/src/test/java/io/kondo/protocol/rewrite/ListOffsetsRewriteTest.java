package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsTopicResponse;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListOffsetsRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static ListOffsetsRequestData request(int replicaId) {
        return new ListOffsetsRequestData().setReplicaId(replicaId).setTopics(new ArrayList<>(List.of(
                new ListOffsetsTopic().setName("orders").setPartitions(new ArrayList<>(List.of(
                        new ListOffsetsPartition().setPartitionIndex(0).setTimestamp(-1)))))));
    }

    private static ListOffsetsTopicResponse topic(String name) {
        return new ListOffsetsTopicResponse().setName(name).setPartitions(new ArrayList<>(List.of(
                new ListOffsetsPartitionResponse().setPartitionIndex(0).setOffset(42))));
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 4, 6, 10, 11})
    void prefixesTopicsAndAnswersOnlyTheTenantsUnprefixed(short version) {
        ListOffsetsRequestData backing = (ListOffsetsRequestData) exchange.forward(request(-1), version);
        assertThat(backing.topics()).extracting(ListOffsetsTopic::name).containsExactly(PREFIX + "orders");

        ListOffsetsResponseData response = new ListOffsetsResponseData().setTopics(new ArrayList<>(List.of(
                topic(PREFIX + "orders"), topic(OTHER_PREFIX + "orders"), topic("__consumer_offsets"))));
        ListOffsetsResponseData answer = (ListOffsetsResponseData) exchange.respond(response, version);

        assertThat(answer.topics()).extracting(ListOffsetsTopicResponse::name).containsExactly("orders");
        assertThat(answer.topics().get(0).partitions().get(0).offset()).isEqualTo(42);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "6, 2", "11, 1", "11, -2"})
    void refusesRequestsOnBehalfOfAReplica(short version, int replicaId) {
        ListOffsetsResponseData answer = (ListOffsetsResponseData) exchange.answer(request(replicaId), version);

        assertThat(answer.topics()).singleElement().satisfies(t -> assertThat(t.partitions())
                .allSatisfy(p -> assertThat(p.errorCode()).isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED.code())));
    }
}
