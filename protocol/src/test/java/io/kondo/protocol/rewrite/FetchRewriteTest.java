package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import io.kondo.protocol.TopicIdRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FetchResponseData.FetchableTopicResponse;
import org.apache.kafka.common.message.FetchResponseData.PartitionData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchRewriteTest {

    private final TopicIdRegistry topicIds = new TopicIdRegistry();
    private final Exchange exchange = new Exchange(new TestTenant(topicIds));

    private static FetchRequestData fetch(FetchTopic... topics) {
        return new FetchRequestData().setMaxWaitMs(500).setMinBytes(1).setMaxBytes(1 << 20)
                .setTopics(new ArrayList<>(List.of(topics)));
    }

    private static FetchTopic topic(String name, Uuid id) {
        FetchTopic topic = new FetchTopic().setTopic(name).setTopicId(id);
        topic.partitions().add(new FetchPartition().setPartition(0).setFetchOffset(5));
        return topic;
    }

    @ParameterizedTest
    @ValueSource(shorts = {4, 11, 12})
    void fetchByNameIsPrefixedAndUnprefixed(short version) {
        FetchRequestData backing = (FetchRequestData) exchange.forward(fetch(topic("orders", Uuid.ZERO_UUID)), version);
        assertThat(backing.topics()).extracting(FetchTopic::topic).containsExactly(PREFIX + "orders");

        FetchResponseData response = new FetchResponseData();
        response.responses().add(new FetchableTopicResponse().setTopic(PREFIX + "orders")
                .setPartitions(new ArrayList<>(List.of(new PartitionData().setPartitionIndex(0).setHighWatermark(9)))));
        FetchResponseData tenant = (FetchResponseData) exchange.respond(response, version);
        assertThat(tenant.responses()).extracting(FetchableTopicResponse::topic).containsExactly("orders");
    }

    @ParameterizedTest
    @ValueSource(shorts = {13, 16, 17})
    void fetchByIdForwardsOwnedIdsAndAnswersOthersUnknown(short version) {
        Uuid ours = Uuid.randomUuid();
        Uuid theirs = Uuid.randomUuid();
        Uuid neverSeen = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        topicIds.learn(theirs, OTHER_PREFIX + "orders");

        FetchRequestData backing = (FetchRequestData) exchange.forward(
                fetch(topic("", ours), topic("", theirs), topic("", neverSeen)), version);
        assertThat(backing.topics()).extracting(FetchTopic::topicId).containsExactly(ours);

        FetchResponseData response = new FetchResponseData();
        response.responses().add(new FetchableTopicResponse().setTopicId(ours)
                .setPartitions(new ArrayList<>(List.of(new PartitionData().setPartitionIndex(0)))));
        FetchResponseData tenant = (FetchResponseData) exchange.respond(response, version);

        assertThat(tenant.responses()).extracting(FetchableTopicResponse::topicId).containsExactly(ours, theirs, neverSeen);
        assertThat(tenant.responses().get(1).partitions().get(0).errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
        assertThat(tenant.responses().get(2).partitions().get(0).errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
    }

    @Test
    void refusesReplicaFetches() {
        FetchRequestData replicaFetch = fetch(topic("orders", Uuid.ZERO_UUID)).setReplicaId(1);

        FetchResponseData answer = (FetchResponseData) exchange.answer(replicaFetch, (short) 12);

        assertThat(answer.errorCode()).isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED.code());
    }
}
