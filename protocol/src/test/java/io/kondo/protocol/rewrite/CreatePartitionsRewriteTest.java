package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsAssignment;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreatePartitionsRewriteTest {

    private static final short NEWEST = 3;

    private final TestTenant tenant = new TestTenant().withTopic("orders", 8);
    private final Exchange exchange = new Exchange(tenant);

    private static CreatePartitionsRequestData request(CreatePartitionsTopic... topics) {
        CreatePartitionsRequestData request = new CreatePartitionsRequestData().setTimeoutMs(30_000);
        for (CreatePartitionsTopic topic : topics) {
            request.topics().add(topic);
        }
        return request;
    }

    private static CreatePartitionsTopic topic(String name, int count) {
        return new CreatePartitionsTopic().setName(name).setCount(count).setAssignments(null);
    }

    private CreatePartitionsTopicResult refusal(CreatePartitionsRequestData request, short version) {
        CreatePartitionsRequestData backing = (CreatePartitionsRequestData) exchange.forward(request, version);
        assertThat(backing.topics()).isEmpty();
        CreatePartitionsResponseData answer = (CreatePartitionsResponseData) exchange.respond(new CreatePartitionsResponseData(), version);
        assertThat(answer.results()).hasSize(1);
        return answer.results().get(0);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 2, 3})
    void prefixesNamesAndAnswersOnlyTheTenantsTopics(short version) {
        CreatePartitionsRequestData backing = (CreatePartitionsRequestData) exchange.forward(
                request(topic("orders", 12)).setValidateOnly(true), version);
        assertThat(backing.topics()).extracting(CreatePartitionsTopic::name).containsExactly(PREFIX + "orders");
        assertThat(backing.validateOnly()).isTrue();

        CreatePartitionsResponseData response = new CreatePartitionsResponseData().setResults(new ArrayList<>(List.of(
                new CreatePartitionsTopicResult().setName(PREFIX + "orders"),
                new CreatePartitionsTopicResult().setName(OTHER_PREFIX + "orders"),
                new CreatePartitionsTopicResult().setName("__consumer_offsets"))));
        CreatePartitionsResponseData answer = (CreatePartitionsResponseData) exchange.respond(response, version);

        assertThat(answer.results()).extracting(CreatePartitionsTopicResult::name).containsExactly("orders");
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 3})
    void refusesManualAssignments(short version) {
        CreatePartitionsTopic topic = topic("orders", 9).setAssignments(new ArrayList<>(List.of(
                new CreatePartitionsAssignment().setBrokerIds(new ArrayList<>(List.of(1, 2, 3))))));

        CreatePartitionsTopicResult answer = refusal(request(topic), version);

        assertThat(answer.name()).isEqualTo("orders");
        assertThat(answer.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
        assertThat(answer.errorMessage()).contains("manual replica assignments");
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 3})
    void refusesAnIncreaseBeyondThePlansPartitionLimit(short version) {
        tenant.withTopic("existing", 90);

        CreatePartitionsTopicResult answer = refusal(request(topic("orders", 11)), version);

        assertThat(answer.name()).isEqualTo("orders");
        assertThat(answer.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
        assertThat(answer.errorMessage()).contains("would exceed the plan's limit of 100 partitions");
    }

    @Test
    void allowsAnIncreaseUpToThePlansPartitionLimit() {
        tenant.withTopic("existing", 90);

        CreatePartitionsRequestData backing = (CreatePartitionsRequestData) exchange.forward(request(topic("orders", 10)), NEWEST);

        assertThat(backing.topics()).extracting(CreatePartitionsTopic::count).containsExactly(10);
    }

    @Test
    void forwardsATopicItDoesNotKnowForTheBackingClusterToAnswer() {
        tenant.withTopic("existing", 92);

        CreatePartitionsRequestData backing = (CreatePartitionsRequestData) exchange.forward(request(topic("unknown", 50)), NEWEST);

        assertThat(backing.topics()).extracting(CreatePartitionsTopic::name).containsExactly(PREFIX + "unknown");
    }
}
