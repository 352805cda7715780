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
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData.Cursor;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData.TopicRequest;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData.DescribeTopicPartitionsResponseTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DescribeTopicPartitionsRewriteTest {

    private final TopicIdRegistry topicIds = new TopicIdRegistry();
    private final Exchange exchange = new Exchange(new TestTenant(topicIds));

    private static DescribeTopicPartitionsRequestData request(String... topics) {
        List<TopicRequest> requested = new ArrayList<>();
        for (String topic : topics) {
            requested.add(new TopicRequest().setName(topic));
        }
        return new DescribeTopicPartitionsRequestData().setTopics(requested).setResponsePartitionLimit(2000);
    }

    private static DescribeTopicPartitionsResponseTopic topic(String name, Uuid id) {
        return new DescribeTopicPartitionsResponseTopic().setName(name).setTopicId(id);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0})
    void prefixesTopicsAndTheCursor(short version) {
        DescribeTopicPartitionsRequestData request = request("orders", "payments")
                .setCursor(new Cursor().setTopicName("payments").setPartitionIndex(3));

        DescribeTopicPartitionsRequestData backing = (DescribeTopicPartitionsRequestData) exchange.forward(request, version);

        assertThat(backing.topics()).extracting(TopicRequest::name).containsExactly(PREFIX + "orders", PREFIX + "payments");
        assertThat(backing.cursor().topicName()).isEqualTo(PREFIX + "payments");
        assertThat(backing.cursor().partitionIndex()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0})
    void allTopicsStartsAtTheTenantsPrefix(short version) {
        DescribeTopicPartitionsRequestData backing = (DescribeTopicPartitionsRequestData) exchange.forward(request(), version);

        assertThat(backing.topics()).isEmpty();
        assertThat(backing.cursor().topicName()).isEqualTo(PREFIX);
        assertThat(backing.cursor().partitionIndex()).isZero();
    }

    @ParameterizedTest
    @ValueSource(shorts = {0})
    void answersOnlyTheTenantsTopicsAndLearnsTheirIds(short version) {
        exchange.forward(request(), version);
        Uuid ours = Uuid.randomUuid();
        DescribeTopicPartitionsResponseData backing = new DescribeTopicPartitionsResponseData()
                .setNextCursor(new DescribeTopicPartitionsResponseData.Cursor().setTopicName(PREFIX + "payments").setPartitionIndex(5));
        backing.topics().add(topic(PREFIX + "orders", ours));
        backing.topics().add(topic(OTHER_PREFIX + "orders", Uuid.randomUuid()));
        backing.topics().add(topic("__consumer_offsets", Uuid.randomUuid()).setIsInternal(true));

        DescribeTopicPartitionsResponseData answer = (DescribeTopicPartitionsResponseData) exchange.respond(backing, version);

        assertThat(answer.topics()).extracting(DescribeTopicPartitionsResponseTopic::name).containsExactly("orders");
        assertThat(topicIds.backingName(ours)).contains(PREFIX + "orders");
        assertThat(answer.nextCursor().topicName()).isEqualTo("payments");
        assertThat(answer.nextCursor().partitionIndex()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0})
    void aNextCursorPastTheTenantsTopicsEndsTheListing(short version) {
        exchange.forward(request(), version);
        DescribeTopicPartitionsResponseData backing = new DescribeTopicPartitionsResponseData()
                .setNextCursor(new DescribeTopicPartitionsResponseData.Cursor().setTopicName(OTHER_PREFIX + "orders"));
        backing.topics().add(topic(PREFIX + "orders", Uuid.randomUuid()));

        DescribeTopicPartitionsResponseData answer = (DescribeTopicPartitionsResponseData) exchange.respond(backing, version);

        assertThat(answer.topics()).extracting(DescribeTopicPartitionsResponseTopic::name).containsExactly("orders");
        assertThat(answer.nextCursor()).isNull();
    }
}
