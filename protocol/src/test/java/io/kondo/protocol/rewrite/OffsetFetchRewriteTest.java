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
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestGroup;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopic;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopics;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseGroup;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartition;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartitions;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopic;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopics;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetFetchRewriteTest {

    private final TopicIdRegistry topicIds = new TopicIdRegistry();
    private final Exchange exchange = new Exchange(new TestTenant(topicIds));

    private static OffsetFetchResponseTopic singleGroupTopic(String name) {
        OffsetFetchResponseTopic topic = new OffsetFetchResponseTopic().setName(name);
        topic.partitions().add(new OffsetFetchResponsePartition().setPartitionIndex(0).setCommittedOffset(42).setMetadata(""));
        return topic;
    }

    private static OffsetFetchRequestTopics requestTopic(String name, Uuid id) {
        return new OffsetFetchRequestTopics().setName(name).setTopicId(id).setPartitionIndexes(new ArrayList<>(List.of(0, 1)));
    }

    private static OffsetFetchResponseTopics groupTopic(String name, Uuid id) {
        OffsetFetchResponseTopics topic = new OffsetFetchResponseTopics().setName(name).setTopicId(id);
        topic.partitions().add(new OffsetFetchResponsePartitions().setPartitionIndex(0).setCommittedOffset(42).setMetadata(""));
        return topic;
    }

    private static OffsetFetchRequestData groups(OffsetFetchRequestGroup... groups) {
        return new OffsetFetchRequestData().setGroups(new ArrayList<>(List.of(groups)));
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 2, 7})
    void singleGroupFetchIsPrefixedAndOnlyTheTenantsTopicsComeBack(short version) {
        OffsetFetchRequestData request = new OffsetFetchRequestData().setGroupId("billing").setTopics(new ArrayList<>(List.of(
                new OffsetFetchRequestTopic().setName("orders").setPartitionIndexes(new ArrayList<>(List.of(0))))));

        OffsetFetchRequestData backing = (OffsetFetchRequestData) exchange.forward(request, version);

        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");
        assertThat(backing.topics()).extracting(OffsetFetchRequestTopic::name).containsExactly(PREFIX + "orders");

        OffsetFetchResponseData response = new OffsetFetchResponseData().setTopics(new ArrayList<>(List.of(
                singleGroupTopic(PREFIX + "orders"), singleGroupTopic(OTHER_PREFIX + "x"), singleGroupTopic("__consumer_offsets"))));
        OffsetFetchResponseData tenant = (OffsetFetchResponseData) exchange.respond(response, version);

        assertThat(tenant.topics()).extracting(OffsetFetchResponseTopic::name).containsExactly("orders");
    }

    @Test
    void singleGroupAllTopicsStaysAllTopics() {
        short version = 7;
        OffsetFetchRequestData backing = (OffsetFetchRequestData) exchange.forward(
                new OffsetFetchRequestData().setGroupId("billing").setTopics(null), version);

        assertThat(backing.topics()).isNull();
    }

    @ParameterizedTest
    @ValueSource(shorts = {8, 9})
    void batchedFetchByNameKeepsOnlyTheTenantsGroupsAndTopics(short version) {
        OffsetFetchRequestData backing = (OffsetFetchRequestData) exchange.forward(groups(
                new OffsetFetchRequestGroup().setGroupId("billing")
                        .setTopics(new ArrayList<>(List.of(requestTopic("orders", Uuid.ZERO_UUID)))),
                new OffsetFetchRequestGroup().setGroupId("audit").setTopics(null)), version);

        assertThat(backing.groups()).extracting(OffsetFetchRequestGroup::groupId).containsExactly(PREFIX + "billing", PREFIX + "audit");
        assertThat(backing.groups().get(0).topics()).extracting(OffsetFetchRequestTopics::name).containsExactly(PREFIX + "orders");
        assertThat(backing.groups().get(1).topics()).isNull();

        OffsetFetchResponseData response = new OffsetFetchResponseData().setGroups(new ArrayList<>(List.of(
                new OffsetFetchResponseGroup().setGroupId(PREFIX + "billing").setTopics(new ArrayList<>(List.of(
                        groupTopic(PREFIX + "orders", Uuid.ZERO_UUID)))),
                new OffsetFetchResponseGroup().setGroupId(PREFIX + "audit").setTopics(new ArrayList<>(List.of(
                        groupTopic(PREFIX + "payments", Uuid.ZERO_UUID), groupTopic(OTHER_PREFIX + "x", Uuid.ZERO_UUID),
                        groupTopic("__consumer_offsets", Uuid.ZERO_UUID)))),
                new OffsetFetchResponseGroup().setGroupId(OTHER_PREFIX + "billing"))));
        OffsetFetchResponseData tenant = (OffsetFetchResponseData) exchange.respond(response, version);

        assertThat(tenant.groups()).extracting(OffsetFetchResponseGroup::groupId).containsExactly("billing", "audit");
        assertThat(tenant.groups().get(0).topics()).extracting(OffsetFetchResponseTopics::name).containsExactly("orders");
        assertThat(tenant.groups().get(1).topics()).extracting(OffsetFetchResponseTopics::name).containsExactly("payments");
    }

    @Test
    void fetchByIdForwardsOwnedIdsAndAnswersOthersUnknown() {
        short version = 10;
        Uuid ours = Uuid.randomUuid();
        Uuid theirs = Uuid.randomUuid();
        Uuid neverSeen = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        topicIds.learn(theirs, OTHER_PREFIX + "orders");

        OffsetFetchRequestData backing = (OffsetFetchRequestData) exchange.forward(groups(new OffsetFetchRequestGroup()
                .setGroupId("billing").setTopics(new ArrayList<>(List.of(
                        requestTopic("", ours), requestTopic("", theirs), requestTopic("", neverSeen))))), version);
        assertThat(backing.groups().get(0).topics()).extracting(OffsetFetchRequestTopics::topicId).containsExactly(ours);

        OffsetFetchResponseData response = new OffsetFetchResponseData().setGroups(new ArrayList<>(List.of(
                new OffsetFetchResponseGroup().setGroupId(PREFIX + "billing").setTopics(new ArrayList<>(List.of(
                        groupTopic("", ours), groupTopic("", theirs)))))));
        OffsetFetchResponseData tenant = (OffsetFetchResponseData) exchange.respond(response, version);

        List<OffsetFetchResponseTopics> topics = tenant.groups().get(0).topics();
        assertThat(topics).extracting(OffsetFetchResponseTopics::topicId).containsExactly(ours, theirs, neverSeen);
        assertThat(topics.get(0).partitions()).extracting(OffsetFetchResponsePartitions::committedOffset).containsExactly(42L);
        assertThat(topics.subList(1, 3)).allSatisfy(topic -> assertThat(topic.partitions())
                .extracting(OffsetFetchResponsePartitions::errorCode)
                .containsExactly(Errors.UNKNOWN_TOPIC_ID.code(), Errors.UNKNOWN_TOPIC_ID.code()));
    }

    @Test
    void fetchOfAllTopicsByIdKeepsOnlyTheTenantsIds() {
        short version = 10;
        Uuid ours = Uuid.randomUuid();
        Uuid theirs = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        topicIds.learn(theirs, OTHER_PREFIX + "orders");

        OffsetFetchRequestData backing = (OffsetFetchRequestData) exchange.forward(
                groups(new OffsetFetchRequestGroup().setGroupId("billing").setTopics(null)), version);
        assertThat(backing.groups().get(0).topics()).isNull();

        OffsetFetchResponseData response = new OffsetFetchResponseData().setGroups(new ArrayList<>(List.of(
                new OffsetFetchResponseGroup().setGroupId(PREFIX + "billing").setTopics(new ArrayList<>(List.of(
                        groupTopic("", ours), groupTopic("", theirs), groupTopic("", Uuid.randomUuid())))))));
        OffsetFetchResponseData tenant = (OffsetFetchResponseData) exchange.respond(response, version);

        assertThat(tenant.groups().get(0).topics()).extracting(OffsetFetchResponseTopics::topicId).containsExactly(ours);
    }
}
