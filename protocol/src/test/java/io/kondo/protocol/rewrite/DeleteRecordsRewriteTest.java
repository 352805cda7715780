package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteRecordsRequestData.DeleteRecordsPartition;
import org.apache.kafka.common.message.DeleteRecordsRequestData.DeleteRecordsTopic;
import org.apache.kafka.common.message.DeleteRecordsResponseData;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsPartitionResult;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsTopicResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeleteRecordsRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static DeleteRecordsTopicResult result(String name) {
        DeleteRecordsTopicResult result = new DeleteRecordsTopicResult().setName(name);
        result.partitions().add(new DeleteRecordsPartitionResult().setPartitionIndex(0).setLowWatermark(42));
        return result;
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2})
    void prefixesTopicsAndAnswersOnlyTheTenantsUnprefixed(short version) {
        DeleteRecordsRequestData request = new DeleteRecordsRequestData().setTimeoutMs(30_000).setTopics(new ArrayList<>(List.of(
                new DeleteRecordsTopic().setName("orders").setPartitions(new ArrayList<>(List.of(
                        new DeleteRecordsPartition().setPartitionIndex(0).setOffset(42)))))));

        DeleteRecordsRequestData backing = (DeleteRecordsRequestData) exchange.forward(request, version);
        assertThat(backing.topics()).extracting(DeleteRecordsTopic::name).containsExactly(PREFIX + "orders");

        DeleteRecordsResponseData response = new DeleteRecordsResponseData();
        response.topics().add(result(PREFIX + "orders"));
        response.topics().add(result(OTHER_PREFIX + "orders"));
        response.topics().add(result("__consumer_offsets"));
        DeleteRecordsResponseData answer = (DeleteRecordsResponseData) exchange.respond(response, version);

        assertThat(answer.topics()).extracting(DeleteRecordsTopicResult::name).containsExactly("orders");
        assertThat(answer.topics().iterator().next().partitions().iterator().next().lowWatermark()).isEqualTo(42);
    }
}
