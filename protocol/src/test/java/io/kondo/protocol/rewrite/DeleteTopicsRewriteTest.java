package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import io.kondo.protocol.TopicIdRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeleteTopicsRewriteTest {

    private static final short NEWEST = 6;

    private final TopicIdRegistry topicIds = new TopicIdRegistry();
    private final Exchange exchange = new Exchange(new TestTenant(topicIds));

    private static DeleteTopicsRequestData byName(String... names) {
        return new DeleteTopicsRequestData().setTimeoutMs(30_000).setTopicNames(new ArrayList<>(List.of(names)));
    }

    private static DeleteTopicsRequestData byState(DeleteTopicState... topics) {
        return new DeleteTopicsRequestData().setTimeoutMs(30_000).setTopics(new ArrayList<>(List.of(topics)));
    }

    private static DeleteTopicsResponseData results(DeletableTopicResult... results) {
        DeleteTopicsResponseData response = new DeleteTopicsResponseData();
        for (DeletableTopicResult result : results) {
            response.responses().add(result);
        }
        return response;
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 4, 5})
    void prefixesNamesAndAnswersOnlyTheTenantsTopics(short version) {
        DeleteTopicsRequestData backing = (DeleteTopicsRequestData) exchange.forward(byName("orders"), version);
        assertThat(backing.topicNames()).containsExactly(PREFIX + "orders");

        DeleteTopicsResponseData answer = (DeleteTopicsResponseData) exchange.respond(results(
                new DeletableTopicResult().setName(PREFIX + "orders"),
                new DeletableTopicResult().setName(OTHER_PREFIX + "orders"),
                new DeletableTopicResult().setName("__consumer_offsets")), version);

        assertThat(answer.responses()).extracting(DeletableTopicResult::name).containsExactly("orders");
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 5, 6})
    void refusesANameTooLongForThePrefixWithoutForwardingIt(short version) {
        String tooLong = "t".repeat(249 - PREFIX.length() + 1);
        DeleteTopicsRequestData request = version < 6 ? byName(tooLong) : byState(new DeleteTopicState().setName(tooLong));

        DeleteTopicsRequestData backing = (DeleteTopicsRequestData) exchange.forward(request, version);
        assertThat(version < 6 ? backing.topicNames() : backing.topics()).isEmpty();

        DeleteTopicsResponseData answer = (DeleteTopicsResponseData) exchange.respond(new DeleteTopicsResponseData(), version);
        assertThat(answer.responses()).extracting(DeletableTopicResult::name, DeletableTopicResult::errorCode)
                .containsExactly(tuple(tooLong, Errors.INVALID_TOPIC_EXCEPTION.code()));
    }

    @Test
    void deletesByNameOrByAnOwnedIdAndForgetsTheDeletedId() {
        Uuid ours = Uuid.randomUuid();
        topicIds.learn(ours, PREFIX + "payments");

        DeleteTopicsRequestData backing = (DeleteTopicsRequestData) exchange.forward(byState(
                new DeleteTopicState().setName("orders"), new DeleteTopicState().setName(null).setTopicId(ours)), NEWEST);
        assertThat(backing.topics()).extracting(DeleteTopicState::name, DeleteTopicState::topicId)
                .containsExactly(tuple(PREFIX + "orders", Uuid.ZERO_UUID), tuple(null, ours));

        DeleteTopicsResponseData answer = (DeleteTopicsResponseData) exchange.respond(results(
                new DeletableTopicResult().setName(PREFIX + "orders").setTopicId(Uuid.randomUuid()),
                new DeletableTopicResult().setName(PREFIX + "payments").setTopicId(ours)), NEWEST);
        assertThat(answer.responses()).extracting(DeletableTopicResult::name).containsExactly("orders", "payments");
        assertThat(topicIds.backingName(ours)).isEmpty();
    }

    @Test
    void anIdTheTenantDoesNotOwnIsUnknownAndNotForwarded() {
        Uuid theirs = Uuid.randomUuid();
        topicIds.learn(theirs, OTHER_PREFIX + "payments");

        DeleteTopicsRequestData backing = (DeleteTopicsRequestData) exchange.forward(
                byState(new DeleteTopicState().setName(null).setTopicId(theirs)), NEWEST);
        assertThat(backing.topics()).isEmpty();

        DeleteTopicsResponseData answer = (DeleteTopicsResponseData) exchange.respond(new DeleteTopicsResponseData(), NEWEST);
        assertThat(answer.responses()).singleElement().satisfies(r -> {
            assertThat(r.topicId()).isEqualTo(theirs);
            assertThat(r.name()).isNull();
            assertThat(r.errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
        });
        assertThat(topicIds.backingName(theirs)).contains(OTHER_PREFIX + "payments");
    }

    @Test
    void aTopicNamedAndIdentifiedAtOnceIsRefused() {
        Uuid theirs = Uuid.randomUuid();
        topicIds.learn(theirs, OTHER_PREFIX + "payments");

        DeleteTopicsRequestData backing = (DeleteTopicsRequestData) exchange.forward(
                byState(new DeleteTopicState().setName("orders").setTopicId(theirs)), NEWEST);
        assertThat(backing.topics()).isEmpty();

        DeleteTopicsResponseData answer = (DeleteTopicsResponseData) exchange.respond(new DeleteTopicsResponseData(), NEWEST);
        assertThat(answer.responses()).extracting(DeletableTopicResult::name, DeletableTopicResult::errorCode)
                .containsExactly(tuple("orders", Errors.INVALID_REQUEST.code()));
    }
}
