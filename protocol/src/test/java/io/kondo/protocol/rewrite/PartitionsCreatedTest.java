package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

/** Successful creates count against the partition limit at once, not only after the next measurement. */
class PartitionsCreatedTest {

    private final TestTenant tenant = new TestTenant();
    private final Exchange exchange = new Exchange(tenant);

    @Test
    void aCreatedTopicCountsAtOnce() {
        CreateTopicsRequestData request = new CreateTopicsRequestData().setTimeoutMs(30_000);
        request.topics().add(new CreatableTopic().setName("orders").setNumPartitions(-1).setReplicationFactor((short) -1));
        exchange.forward(request, (short) 7);
        CreateTopicsResponseData response = new CreateTopicsResponseData();
        response.topics().add(new CreatableTopicResult().setName(PREFIX + "orders").setNumPartitions(8).setReplicationFactor((short) 3));

        exchange.respond(response, (short) 7);

        assertThat(tenant.partitionCount()).isEqualTo(8);
    }

    @Test
    void aFailedOrValidateOnlyCreateDoesNotCount() {
        CreateTopicsRequestData request = new CreateTopicsRequestData().setTimeoutMs(30_000).setValidateOnly(true);
        request.topics().add(new CreatableTopic().setName("dry-run").setNumPartitions(4).setReplicationFactor((short) 3));
        exchange.forward(request, (short) 7);
        CreateTopicsResponseData response = new CreateTopicsResponseData();
        response.topics().add(new CreatableTopicResult().setName(PREFIX + "dry-run").setNumPartitions(4));
        exchange.respond(response, (short) 7);

        CreatePartitionsRequestData grow = new CreatePartitionsRequestData().setTimeoutMs(30_000);
        grow.topics().add(new CreatePartitionsTopic().setName("missing").setCount(12));
        exchange.forward(grow, (short) 3);
        CreatePartitionsResponseData failed = new CreatePartitionsResponseData();
        failed.results().add(new CreatePartitionsTopicResult().setName(PREFIX + "missing")
                .setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code()));
        exchange.respond(failed, (short) 3);

        assertThat(tenant.partitionCount()).isZero();
    }

    @Test
    void grownPartitionsCountAtOnce() {
        tenant.withTopic("orders", 8);
        CreatePartitionsRequestData grow = new CreatePartitionsRequestData().setTimeoutMs(30_000);
        grow.topics().add(new CreatePartitionsTopic().setName("orders").setCount(12));
        exchange.forward(grow, (short) 3);
        CreatePartitionsResponseData response = new CreatePartitionsResponseData();
        response.results().add(new CreatePartitionsTopicResult().setName(PREFIX + "orders"));

        exchange.respond(response, (short) 3);

        assertThat(tenant.partitionCount()).isEqualTo(12);
    }
}
