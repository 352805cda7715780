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
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponsePartition;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponseTopic;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetCommitRewriteTest {

    private final TopicIdRegistry topicIds = new TopicIdRegistry();
    private final Exchange exchange = new Exchange(new TestTenant(topicIds));

    private static OffsetCommitRequestData commit(OffsetCommitRequestTopic... topics) {
        return new OffsetCommitRequestData().setGroupId("billing").setMemberId("m-1").setGenerationIdOrMemberEpoch(4)
                .setTopics(new ArrayList<>(List.of(topics)));
    }

    private static OffsetCommitRequestTopic topic(String name, Uuid id) {
        OffsetCommitRequestTopic topic = new OffsetCommitRequestTopic().setName(name).setTopicId(id);
        topic.partitions().add(new OffsetCommitRequestPartition().setPartitionIndex(0).setCommittedOffset(42));
        return topic;
    }

    private static OffsetCommitResponseTopic result(String name, Uuid id) {
        OffsetCommitResponseTopic topic = new OffsetCommitResponseTopic().setName(name).setTopicId(id);
        topic.partitions().add(new OffsetCommitResponsePartition().setPartitionIndex(0));
        return topic;
    }

    @ParameterizedTest
    @ValueSource(shorts = {2, 7, 8, 9})
    void commitByNameIsPrefixedAndOnlyTheTenantsTopicsComeBack(short version) {
        OffsetCommitRequestData backing = (OffsetCommitRequestData) exchange.forward(
                commit(topic("orders", Uuid.ZERO_UUID), topic("payments", Uuid.ZERO_UUID)), version);

        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");
        assertThat(backing.topics()).extracting(OffsetCommitRequestTopic::name).containsExactly(PREFIX + "orders", PREFIX + "payments");

        OffsetCommitResponseData response = new OffsetCommitResponseData();
        response.topics().addAll(List.of(result(PREFIX + "orders", Uuid.ZERO_UUID), result(PREFIX + "payments", Uuid.ZERO_UUID),
                result(OTHER_PREFIX + "x", Uuid.ZERO_UUID), result("__consumer_offsets", Uuid.ZERO_UUID)));
        OffsetCommitResponseData tenant = (OffsetCommitResponseData) exchange.respond(response, version);

        assertThat(tenant.topics()).extracting(OffsetCommitResponseTopic::name).containsExactly("orders", "payments");
    }

    @Test
    void commitByIdForwardsOwnedIdsAndAnswersOthersUnknown() {
        short version = 10;
        Uuid ours = Uuid.randomUuid();
        Uuid theirs = Uuid.randomUuid();
        Uuid neverSeen = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        topicIds.learn(theirs, OTHER_PREFIX + "orders");

        OffsetCommitRequestData backing = (OffsetCommitRequestData) exchange.forward(
                commit(topic("", ours), topic("", theirs), topic("", neverSeen)), version);
        assertThat(backing.topics()).extracting(OffsetCommitRequestTopic::topicId).containsExactly(ours);

        OffsetCommitResponseData response = new OffsetCommitResponseData();
        response.topics().addAll(List.of(result("", ours), result("", theirs)));
        OffsetCommitResponseData tenant = (OffsetCommitResponseData) exchange.respond(response, version);

        assertThat(tenant.topics()).extracting(OffsetCommitResponseTopic::topicId).containsExactly(ours, theirs, neverSeen);
        assertThat(tenant.topics().get(0).partitions().get(0).errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(tenant.topics().subList(1, 3)).allSatisfy(topic -> assertThat(topic.partitions())
                .extracting(OffsetCommitResponsePartition::errorCode).containsExactly(Errors.UNKNOWN_TOPIC_ID.code()));
    }

    @Test
    void aTopicNameTooLongForTheTenantIsRefused() {
        String name = "t".repeat(249 - PREFIX.length() + 1);

        OffsetCommitResponseData answer = (OffsetCommitResponseData) exchange.answer(commit(topic(name, Uuid.ZERO_UUID)), (short) 9);

        assertThat(answer.topics()).flatExtracting(OffsetCommitResponseTopic::partitions)
                .extracting(OffsetCommitResponsePartition::errorCode).containsOnly(Errors.INVALID_TOPIC_EXCEPTION.code());
    }
}
