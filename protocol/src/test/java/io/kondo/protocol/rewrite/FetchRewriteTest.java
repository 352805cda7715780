package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.Frames;
import io.kondo.protocol.ResponseStream;
import io.kondo.protocol.TestTenant;
import io.kondo.protocol.TopicIdRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FetchResponseData.FetchableTopicResponse;
import org.apache.kafka.common.message.FetchResponseData.PartitionData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
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
    @ValueSource(shorts = {13, 15})
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
    @Test
    void fetchIsHandledUpToTheLastVersionWithoutBrokerAddresses() {
        assertThat(new FetchRewrite().maxVersion()).isEqualTo((short) 15);
        FetchResponseData answer = (FetchResponseData) exchange.answer(fetch(topic("", Uuid.randomUuid())), (short) 16);
        assertThat(answer.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
    }

    /** A response with what a broker can put around record batches: aborted transactions, tagged fields, errors. */
    private static FetchResponseData richResponse(Uuid first, Uuid second, int throttleTimeMs) {
        FetchResponseData response = new FetchResponseData().setThrottleTimeMs(throttleTimeMs).setSessionId(77);
        FetchableTopicResponse one = new FetchableTopicResponse().setTopicId(first);
        one.partitions().add(new PartitionData().setPartitionIndex(0).setHighWatermark(40).setLastStableOffset(30)
                .setLogStartOffset(2).setRecords(records(3, 100)));
        one.partitions().add(new PartitionData().setPartitionIndex(1).setHighWatermark(900).setLastStableOffset(800)
                .setAbortedTransactions(new ArrayList<>(List.of(
                        new FetchResponseData.AbortedTransaction().setProducerId(5).setFirstOffset(6),
                        new FetchResponseData.AbortedTransaction().setProducerId(7).setFirstOffset(8))))
                .setPreferredReadReplica(2).setRecords(records(20, 1000)));
        one.partitions().add(new PartitionData().setPartitionIndex(2).setErrorCode(Errors.NOT_LEADER_OR_FOLLOWER.code())
                .setHighWatermark(-1).setLastStableOffset(-1).setLogStartOffset(-1)
                .setCurrentLeader(new FetchResponseData.LeaderIdAndEpoch().setLeaderId(3).setLeaderEpoch(9)));
        FetchableTopicResponse two = new FetchableTopicResponse().setTopicId(second);
        two.partitions().add(new PartitionData().setPartitionIndex(0).setHighWatermark(1).setRecords(records(1, 5000))
                .setDivergingEpoch(new FetchResponseData.EpochEndOffset().setEpoch(4).setEndOffset(12)));
        response.responses().add(one);
        response.responses().add(two);
        response.responses().add(new FetchableTopicResponse().setTopicId(first));
        return response;
    }

    private static MemoryRecords records(int count, int valueBytes) {
        SimpleRecord[] records = new SimpleRecord[count];
        for (int i = 0; i < count; i++) {
            byte[] value = new byte[valueBytes];
            java.util.Arrays.fill(value, (byte) i);
            records[i] = new SimpleRecord(value);
        }
        return MemoryRecords.withRecords(Compression.NONE, records);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 16, 17, 63, 64, 65, 200, 1500, 1 << 20})
    void aStreamedResponseIsTheGatheredOneInAnyPieces(int pieceBytes) {
        Uuid first = Uuid.randomUuid();
        Uuid second = Uuid.randomUuid();
        topicIds.learn(first, PREFIX + "orders");
        topicIds.learn(second, PREFIX + "payments");
        for (short version = 13; version <= 15; version++) {
            exchange.forward(fetch(topic("", first), topic("", second)), version);
            FetchResponseData response = richResponse(first, second, 0);

            ByteBuffer streamed = exchange.stream(response, version, 250, pieceBytes);

            assertThat(streamed).as("v%d", version).isEqualTo(exchange.gathered(response, version, 250));
            FetchResponseData tenant = (FetchResponseData) Exchange.decodeTenantFrame(streamed, ApiKeys.FETCH, version);
            assertThat(tenant.throttleTimeMs()).isEqualTo(250);
            assertThat(tenant.responses().get(0).partitions().get(1).records()).isEqualTo(records(20, 1000));
        }
    }

    @Test
    void aStreamedResponseKeepsTheBrokersLongerThrottle() {
        Uuid ours = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        exchange.forward(fetch(topic("", ours)), (short) 15);

        ByteBuffer streamed = exchange.stream(richResponse(ours, ours, 900), (short) 15, 250, 7);

        assertThat(((FetchResponseData) Exchange.decodeTenantFrame(streamed, ApiKeys.FETCH, (short) 15)).throttleTimeMs()).isEqualTo(900);
    }

    @Test
    void responsesAreGatheredWhenTopicsAreNamedOrSomeWereRefused() {
        Uuid ours = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        exchange.forward(fetch(topic("orders", Uuid.ZERO_UUID)), (short) 12);
        assertThat(exchange.stream(new FetchResponseData(), (short) 12, 0, 64)).isNull();

        exchange.forward(fetch(topic("", ours), topic("", Uuid.randomUuid())), (short) 15);
        assertThat(exchange.stream(richResponse(ours, ours, 0), (short) 15, 0, 64)).as("refused topics are added to the response").isNull();
    }

    @Test
    void aStreamedResponseWithAnotherTenantsRecordsIsRefused() {
        Uuid ours = Uuid.randomUuid();
        Uuid theirs = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        topicIds.learn(theirs, OTHER_PREFIX + "orders");
        exchange.forward(fetch(topic("", ours)), (short) 15);

        assertThatThrownBy(() -> exchange.stream(richResponse(ours, theirs, 0), (short) 15, 0, 100))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("does not own");
    }

    @Test
    void aForeignTopicMayOnlyComeBackAsAnErrorWithoutRecords() {
        Uuid ours = Uuid.randomUuid();
        Uuid deleted = Uuid.randomUuid();
        Uuid theirs = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        topicIds.learn(theirs, OTHER_PREFIX + "orders");
        FetchResponseData response = new FetchResponseData();
        response.responses().add(new FetchableTopicResponse().setTopicId(deleted).setPartitions(new ArrayList<>(List.of(
                new PartitionData().setPartitionIndex(0).setErrorCode(Errors.UNKNOWN_TOPIC_ID.code())))));
        response.responses().add(new FetchableTopicResponse().setTopicId(theirs).setPartitions(new ArrayList<>(List.of(
                new PartitionData().setPartitionIndex(0).setRecords(records(1, 10))))));
        response.responses().add(new FetchableTopicResponse().setTopicId(ours).setPartitions(new ArrayList<>(List.of(
                new PartitionData().setPartitionIndex(0).setRecords(records(1, 10))))));
        exchange.forward(fetch(topic("", ours)), (short) 15);

        FetchResponseData tenant = (FetchResponseData) exchange.respond(response, (short) 15);

        assertThat(tenant.responses()).extracting(FetchableTopicResponse::topicId).containsExactly(deleted, ours);
    }

    @Test
    void aStreamedResponseMustBeWellFormed() {
        Uuid ours = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        ByteBuffer frame = Frames.encodeResponse(Exchange.CORRELATION_ID, ApiKeys.FETCH, (short) 15, richResponse(ours, ours, 0));
        int length = frame.getInt();

        assertThatThrownBy(() -> feed(frame.duplicate(), length + 1, 0)).as("frame longer than its contents")
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> feed(frame.duplicate(), length - 1, 0)).as("frame shorter than its contents")
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> feed(frame.duplicate(), length, 1)).as("another request's correlation id")
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("correlation id");
    }

    /** Feeds {@code frame} to a stream expecting {@code length} bytes; true once it says the frame is done. */
    private boolean feed(ByteBuffer frame, int length, int correlationOffset) {
        ResponseStream stream = new FetchResponseStream(new TestTenant(topicIds), Exchange.CORRELATION_ID + correlationOffset, length, 0);
        ResponseStream.Sink ignore = new ResponseStream.Sink() {
            @Override
            public void copied(ByteBuffer bytes) {
            }

            @Override
            public void shared(int position, int count) {
            }
        };
        ByteBuffer padded = ByteBuffer.allocate(frame.remaining() + 64).put(frame).put(new byte[64]).flip();
        return stream.read(padded, ignore);
    }
    @Test
    void noByteOfAForeignTopicIsSentBeforeItIsRefused() {
        Uuid ours = Uuid.randomUuid();
        Uuid theirs = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        topicIds.learn(theirs, OTHER_PREFIX + "orders");
        FetchResponseData response = new FetchResponseData();
        response.responses().add(new FetchableTopicResponse().setTopicId(ours).setPartitions(new ArrayList<>(List.of(
                new PartitionData().setPartitionIndex(0).setRecords(records(2, 10))))));
        response.responses().add(new FetchableTopicResponse().setTopicId(theirs).setPartitions(new ArrayList<>(List.of(
                new PartitionData().setPartitionIndex(0).setErrorCode(Errors.UNKNOWN_TOPIC_ID.code()),
                new PartitionData().setPartitionIndex(1).setRecords(records(2, 10))))));
        ByteBuffer frame = Frames.encodeResponse(Exchange.CORRELATION_ID, ApiKeys.FETCH, (short) 15, response);
        int length = frame.getInt();
        ResponseStream stream = new FetchResponseStream(new TestTenant(topicIds), Exchange.CORRELATION_ID, length, 0);
        ByteBuffer sent = ByteBuffer.allocate(4 + length);

        assertThatThrownBy(() -> {
            while (frame.hasRemaining()) {
                ByteBuffer piece = frame.slice(frame.position(), 1);
                frame.position(frame.position() + 1);
                stream.read(piece, new ResponseStream.Sink() {
                    @Override
                    public void copied(ByteBuffer bytes) {
                        sent.put(bytes);
                    }

                    @Override
                    public void shared(int position, int count) {
                        sent.put(piece.slice(position, count));
                    }
                });
            }
        }).isInstanceOf(InvalidRequestException.class);

        byte[] theirId = ByteBuffer.allocate(16).putLong(theirs.getMostSignificantBits()).putLong(theirs.getLeastSignificantBits()).array();
        assertThat(sent.position()).as("the tenant's own topic went out").isGreaterThan(100);
        assertThat(indexOf(sent.flip(), theirId)).as("the other tenant's topic id").isEqualTo(-1);
    }

    private static int indexOf(ByteBuffer haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.limit(); i++) {
            if (haystack.slice(i, needle.length).equals(ByteBuffer.wrap(needle))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aDeletedTopicsErrorsAreStreamed() {
        Uuid ours = Uuid.randomUuid();
        Uuid deleted = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "orders");
        FetchResponseData response = new FetchResponseData();
        response.responses().add(new FetchableTopicResponse().setTopicId(deleted).setPartitions(new ArrayList<>(List.of(
                new PartitionData().setPartitionIndex(0).setErrorCode(Errors.UNKNOWN_TOPIC_ID.code()),
                new PartitionData().setPartitionIndex(1).setErrorCode(Errors.UNKNOWN_TOPIC_ID.code())))));
        response.responses().add(new FetchableTopicResponse().setTopicId(ours).setPartitions(new ArrayList<>(List.of(
                new PartitionData().setPartitionIndex(0).setRecords(records(2, 10))))));
        exchange.forward(fetch(topic("", ours)), (short) 15);

        assertThat(exchange.stream(response, (short) 15, 0, 3)).isEqualTo(exchange.gathered(response, (short) 15, 0));
    }
}
