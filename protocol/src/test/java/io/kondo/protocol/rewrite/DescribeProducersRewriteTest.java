package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.DescribeProducersRequestData;
import org.apache.kafka.common.message.DescribeProducersRequestData.TopicRequest;
import org.apache.kafka.common.message.DescribeProducersResponseData;
import org.apache.kafka.common.message.DescribeProducersResponseData.PartitionResponse;
import org.apache.kafka.common.message.DescribeProducersResponseData.TopicResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DescribeProducersRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static TopicResponse topic(String name) {
        return new TopicResponse().setName(name).setPartitions(new ArrayList<>(List.of(new PartitionResponse().setPartitionIndex(0))));
    }

    @ParameterizedTest
    @ValueSource(shorts = {0})
    void prefixesTopicsAndAnswersOnlyTheTenantsUnprefixed(short version) {
        DescribeProducersRequestData request = new DescribeProducersRequestData().setTopics(new ArrayList<>(List.of(
                new TopicRequest().setName("orders").setPartitionIndexes(new ArrayList<>(List.of(0))))));

        DescribeProducersRequestData backing = (DescribeProducersRequestData) exchange.forward(request, version);
        assertThat(backing.topics()).extracting(TopicRequest::name).containsExactly(PREFIX + "orders");

        DescribeProducersResponseData response = new DescribeProducersResponseData().setTopics(new ArrayList<>(List.of(
                topic(PREFIX + "orders"), topic(OTHER_PREFIX + "orders"), topic("__transaction_state"))));
        DescribeProducersResponseData answer = (DescribeProducersResponseData) exchange.respond(response, version);

        assertThat(answer.topics()).extracting(TopicResponse::name).containsExactly("orders");
    }
}
