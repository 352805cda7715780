package io.kondo.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.Test;

class SegmentedEncodingTest {

    private static final short PRODUCE_VERSION = 11;
    private static final short FETCH_VERSION = 16;

    @Test
    void encodesTheSameBytesAsOneBuffer() {
        RequestHeader header = produceHeader();
        ProduceRequestData produce = produce(records(20, 1024));

        EncodedFrame segmented = Frames.encodeRequestSharingRecords(header, produce);

        assertThat(segmented.toByteBuffer()).isEqualTo(Frames.encodeRequest(header, produce));
        assertThat(segmented.sizeInBytes()).isEqualTo(Frames.encodeRequest(header, produce).remaining());
    }

    @Test
    void recordBatchesAreSharedNotCopied() {
        MemoryRecords records = records(20, 1024);
        EncodedFrame frame = Frames.encodeRequestSharingRecords(produceHeader(), produce(records));

        List<ByteBuffer> shared = frame.segments().stream().filter(s -> s.remaining() == records.sizeInBytes()).toList();

        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).array()).isSameAs(records.buffer().array());
    }

    @Test
    void smallRecordBatchesAreCopiedIntoTheFieldChunk() {
        MemoryRecords records = records(1, 10);
        EncodedFrame frame = Frames.encodeRequestSharingRecords(produceHeader(), produce(records));

        assertThat(frame.segments()).hasSize(1);
        assertThat(frame.toByteBuffer()).isEqualTo(Frames.encodeRequest(produceHeader(), produce(records)));
    }

    @Test
    void responsesWithManyFieldsGrowChunksAndStayExact() {
        FetchResponseData fetch = new FetchResponseData();
        for (int t = 0; t < 200; t++) {
            FetchResponseData.FetchableTopicResponse topic = new FetchResponseData.FetchableTopicResponse()
                    .setTopicId(org.apache.kafka.common.Uuid.randomUuid());
            for (int p = 0; p < 8; p++) {
                topic.partitions().add(new FetchResponseData.PartitionData().setPartitionIndex(p)
                        .setRecords(p % 3 == 0 ? records(4, 700) : MemoryRecords.EMPTY));
            }
            fetch.responses().add(topic);
        }

        EncodedFrame segmented = Frames.encodeResponseSharingRecords(7, ApiKeys.FETCH, FETCH_VERSION, fetch);

        assertThat(segmented.segments().size()).isGreaterThan(100);
        assertThat(segmented.toByteBuffer()).isEqualTo(Frames.encodeResponse(7, ApiKeys.FETCH, FETCH_VERSION, fetch));
    }

    private static RequestHeader produceHeader() {
        return new RequestHeader(new RequestHeaderData().setRequestApiKey(ApiKeys.PRODUCE.id)
                .setRequestApiVersion(PRODUCE_VERSION).setCorrelationId(3).setClientId("client"),
                ApiKeys.PRODUCE.requestHeaderVersion(PRODUCE_VERSION));
    }

    private static ProduceRequestData produce(MemoryRecords records) {
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(1000);
        ProduceRequestData.TopicProduceData topic = new ProduceRequestData.TopicProduceData().setName("orders");
        topic.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records));
        request.topicData().add(topic);
        return request;
    }

    private static MemoryRecords records(int count, int valueBytes) {
        SimpleRecord[] records = new SimpleRecord[count];
        for (int i = 0; i < count; i++) {
            records[i] = new SimpleRecord(new byte[valueBytes]);
        }
        return MemoryRecords.withRecords(Compression.NONE, records);
    }
}
