package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.RequestDecision;
import io.kondo.protocol.TestTenant;
import io.kondo.protocol.TopicIdRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.NodeEndpoint;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProduceRewriteTest {

    private final TopicIdRegistry topicIds = new TopicIdRegistry();
    private final Exchange exchange = new Exchange(new TestTenant(topicIds));

    private static MemoryRecords records(Compression compression) {
        return MemoryRecords.withRecords(compression, new SimpleRecord("k".getBytes(StandardCharsets.UTF_8),
                "a value that compresses, a value that compresses".getBytes(StandardCharsets.UTF_8)));
    }

    private static ProduceRequestData request(String topic, MemoryRecords records, short acks) {
        ProduceRequestData request = new ProduceRequestData().setAcks(acks).setTimeoutMs(30_000).setTransactionalId("tx-1");
        TopicProduceData data = new TopicProduceData().setName(topic);
        data.partitionData().add(new PartitionProduceData().setIndex(0).setRecords(records));
        request.topicData().add(data);
        return request;
    }

    @ParameterizedTest
    @ValueSource(shorts = {3, 7, 9, 11, 12})
    void prefixesTopicAndTransactionalIdAndPassesRecordBytesUntouched(short version) {
        MemoryRecords compressed = records(Compression.gzip().build());
        ByteBuffer sent = compressed.buffer().duplicate();

        ProduceRequestData backing = (ProduceRequestData) exchange.forward(request("orders", compressed, (short) -1), version);

        TopicProduceData topic = backing.topicData().iterator().next();
        assertThat(topic.name()).isEqualTo(PREFIX + "orders");
        assertThat(backing.transactionalId()).isEqualTo(PREFIX + "tx-1");
        assertThat(((MemoryRecords) topic.partitionData().get(0).records()).buffer()).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(shorts = {9, 10, 12})
    void unprefixesResponsesAndPointsLeaderHintsAtTheGateway(short version) {
        exchange.forward(request("orders", records(Compression.NONE), (short) -1), version);
        ProduceResponseData backing = new ProduceResponseData();
        TopicProduceResponse topic = new TopicProduceResponse().setName(PREFIX + "orders");
        topic.partitionResponses().add(new PartitionProduceResponse().setIndex(0).setBaseOffset(7));
        backing.responses().add(topic);
        if (version >= 10) {
            backing.nodeEndpoints().add(new NodeEndpoint().setNodeId(2).setHost("10.0.0.2").setPort(29093));
        }

        ProduceResponseData tenant = (ProduceResponseData) exchange.respond(backing, version);

        TopicProduceResponse answer = tenant.responses().iterator().next();
        assertThat(answer.name()).isEqualTo("orders");
        assertThat(answer.partitionResponses().get(0).baseOffset()).isEqualTo(7);
        if (version >= 10) {
            assertThat(tenant.nodeEndpoints()).extracting(NodeEndpoint::host, NodeEndpoint::port)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(TestTenant.GATEWAY_HOST, 19094));
        }
    }

    @Test
    void producesWithoutAcksExpectNoResponse() {
        RequestDecision decision = exchange.decide(request("orders", records(Compression.NONE), (short) 0), (short) 9);

        assertThat(decision).isInstanceOf(RequestDecision.Forward.class);
        assertThat(((RequestDecision.Forward) decision).response()).isNull();
    }

    @Test
    void aNonTransactionalProduceByOwnTopicIdsIsForwardedAsTheBytesItCameIn() {
        Uuid orders = Uuid.randomUuid();
        topicIds.learn(orders, PREFIX + "orders");
        ProduceRequestData request = request("", records(Compression.NONE), (short) -1).setTransactionalId(null);
        request.topicData().iterator().next().setTopicId(orders);
        ByteBuffer sent = Exchange.frame(request, (short) 13);
        ByteBuffer asSent = sent.duplicate();

        RequestDecision decision = exchange.decide(sent);

        assertThat(decision).isInstanceOf(RequestDecision.Forward.class);
        List<ByteBuffer> segments = ((RequestDecision.Forward) decision).frame().segments();
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).getInt(0)).as("length prefix").isEqualTo(asSent.remaining());
        assertThat(segments.get(1).array()).as("a view of the frame received, not a copy").isSameAs(asSent.array());
        assertThat(segments.get(1)).isEqualTo(asSent);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aTransactionalOrForeignProduceByTopicIdIsRewritten(boolean transactional) {
        Uuid orders = Uuid.randomUuid();
        topicIds.learn(orders, PREFIX + "orders");
        Uuid theirs = Uuid.randomUuid();
        topicIds.learn(theirs, TestTenant.OTHER_PREFIX + "payments");
        ProduceRequestData request = request("", records(Compression.NONE), (short) -1)
                .setTransactionalId(transactional ? "tx-1" : null);
        request.topicData().iterator().next().setTopicId(orders);
        if (!transactional) {
            TopicProduceData foreign = new TopicProduceData().setTopicId(theirs);
            foreign.partitionData().add(new PartitionProduceData().setIndex(0).setRecords(records(Compression.NONE)));
            request.topicData().add(foreign);
        }

        ProduceRequestData backing = (ProduceRequestData) exchange.forward(request, (short) 13);

        assertThat(backing.transactionalId()).isEqualTo(transactional ? PREFIX + "tx-1" : null);
        assertThat(backing.topicData()).extracting(TopicProduceData::topicId).containsExactly(orders);
    }

    @Test
    void refusesATopicIdTheTenantDoesNotOwn() {
        Uuid theirs = Uuid.randomUuid();
        topicIds.learn(theirs, TestTenant.OTHER_PREFIX + "payments");
        ProduceRequestData request = request("", records(Compression.NONE), (short) -1);
        request.topicData().iterator().next().setTopicId(theirs);
        short version = 13;

        ProduceRequestData backing = (ProduceRequestData) exchange.forward(request, version);
        assertThat(backing.topicData()).isEmpty();

        ProduceResponseData tenant = (ProduceResponseData) exchange.respond(new ProduceResponseData(), version);
        TopicProduceResponse answer = tenant.responses().iterator().next();
        assertThat(answer.topicId()).isEqualTo(theirs);
        assertThat(answer.partitionResponses().get(0).errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
    }
}
