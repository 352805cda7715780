package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestPartition;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestTopic;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponsePartition;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponseTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetDeleteRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static OffsetDeleteResponseTopic result(String name) {
        OffsetDeleteResponseTopic topic = new OffsetDeleteResponseTopic().setName(name);
        topic.partitions().add(new OffsetDeleteResponsePartition().setPartitionIndex(0));
        return topic;
    }

    @ParameterizedTest
    @ValueSource(shorts = {0})
    void groupAndTopicsArePrefixedAndOnlyTheTenantsTopicsComeBack(short version) {
        OffsetDeleteRequestData request = new OffsetDeleteRequestData().setGroupId("billing");
        for (String name : List.of("orders", "payments")) {
            request.topics().add(new OffsetDeleteRequestTopic().setName(name)
                    .setPartitions(new ArrayList<>(List.of(new OffsetDeleteRequestPartition().setPartitionIndex(0)))));
        }

        OffsetDeleteRequestData backing = (OffsetDeleteRequestData) exchange.forward(request, version);

        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");
        assertThat(backing.topics()).extracting(OffsetDeleteRequestTopic::name).containsExactly(PREFIX + "orders", PREFIX + "payments");
        assertThat(backing.topics().find(PREFIX + "orders")).isNotNull();

        OffsetDeleteResponseData response = new OffsetDeleteResponseData();
        for (String name : List.of(PREFIX + "orders", OTHER_PREFIX + "x", "__consumer_offsets", PREFIX + "payments")) {
            response.topics().add(result(name));
        }
        OffsetDeleteResponseData tenant = (OffsetDeleteResponseData) exchange.respond(response, version);

        assertThat(tenant.topics()).extracting(OffsetDeleteResponseTopic::name).containsExactly("orders", "payments");
        assertThat(tenant.topics().find("payments")).isNotNull();
    }
}
