package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData.TopicPartitions;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData.Assignment;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsumerGroupHeartbeatRewriteTest {

    private static final String CONFINED_HEAD = "\\Q" + PREFIX + "\\E(?:";

    private final TestTenant tenant = new TestTenant();
    private final TenantNamespace namespace = tenant.namespace();
    private final Exchange exchange = new Exchange(tenant);

    private static ConsumerGroupHeartbeatRequestData heartbeat() {
        return new ConsumerGroupHeartbeatRequestData().setGroupId("billing").setMemberId(Uuid.randomUuid().toString())
                .setMemberEpoch(0).setRebalanceTimeoutMs(30_000);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void groupAndSubscribedTopicNamesArePrefixedAndAssignmentsByIdPass(short version) {
        Uuid owned = Uuid.randomUuid();
        ConsumerGroupHeartbeatRequestData request = heartbeat()
                .setSubscribedTopicNames(new ArrayList<>(List.of("orders", "payments")))
                .setTopicPartitions(new ArrayList<>(List.of(
                        new TopicPartitions().setTopicId(owned).setPartitions(new ArrayList<>(List.of(0))))));

        ConsumerGroupHeartbeatRequestData backing = (ConsumerGroupHeartbeatRequestData) exchange.forward(request, version);

        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");
        assertThat(backing.subscribedTopicNames()).containsExactly(PREFIX + "orders", PREFIX + "payments");
        assertThat(backing.topicPartitions()).extracting(TopicPartitions::topicId).containsExactly(owned);

        Assignment assignment = new Assignment().setTopicPartitions(new ArrayList<>(List.of(
                new ConsumerGroupHeartbeatResponseData.TopicPartitions().setTopicId(owned).setPartitions(new ArrayList<>(List.of(0, 1))))));
        ConsumerGroupHeartbeatResponseData tenantResponse = (ConsumerGroupHeartbeatResponseData) exchange.respond(
                new ConsumerGroupHeartbeatResponseData().setMemberEpoch(1).setAssignment(assignment), version);

        assertThat(tenantResponse.assignment().topicPartitions()).singleElement()
                .satisfies(tp -> assertThat(tp.topicId()).isEqualTo(owned));
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void anUnchangedSubscriptionStaysNull(short version) {
        ConsumerGroupHeartbeatRequestData backing = (ConsumerGroupHeartbeatRequestData) exchange.forward(
                heartbeat().setMemberEpoch(5), version);

        assertThat(backing.subscribedTopicNames()).isNull();
        assertThat(backing.subscribedTopicRegex()).isNull();
    }

    @Test
    void aSubscribedRegexIsConfinedToTheTenantsTopics() {
        ConsumerGroupHeartbeatRequestData backing = (ConsumerGroupHeartbeatRequestData) exchange.forward(
                heartbeat().setSubscribedTopicRegex("orders-.*"), (short) 1);

        assertThat(backing.subscribedTopicRegex()).isEqualTo(CONFINED_HEAD + "orders-.*)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a)|(.*", ".*)|(.*", "(.*", "[[a])|.*(.|]", "[!-[:a:])|(.*)|(]", "[a-\\]])|(.*", "\\Q)|(.*",
        "abc\\", "[a-z", "\\p{)}|.*", "\\x{)}", "[[:)|(:]]"})
    void aRegexThatCouldReachOtherTenantsTopicsIsRefused(String regex) {
        ConsumerGroupHeartbeatResponseData answer = (ConsumerGroupHeartbeatResponseData) exchange.answer(
                heartbeat().setSubscribedTopicRegex(regex), (short) 1);

        assertThat(answer.errorCode()).isEqualTo(Errors.INVALID_REGULAR_EXPRESSION.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders-.*", "[a-z]+\\d{2}", "(?i)orders|payments", "(?P<kind>orders|payments)-\\d+", "[[:alpha:]]+",
        "\\Q.)(\\E.*", "[)(|]x", "[]a]+", "[^]]", "\\p{Greek}+", "\\pL\\x{41}\\x41", "a{2,3}", "\\(x\\)"})
    void aSelfContainedRegexIsConfinedAndReadBack(String regex) {
        String confined = ConsumerGroupHeartbeatRewrite.confine(namespace, regex);

        assertThat(confined).isEqualTo(CONFINED_HEAD + regex + ")");
        assertThat(ConsumerGroupHeartbeatRewrite.unconfine(namespace, confined)).contains(regex);
    }

    @Test
    void anOverlongRegexIsRefused() {
        ConsumerGroupHeartbeatResponseData answer = (ConsumerGroupHeartbeatResponseData) exchange.answer(
                heartbeat().setSubscribedTopicRegex("a".repeat(ConsumerGroupHeartbeatRewrite.MAX_REGEX_LENGTH + 1)), (short) 1);

        assertThat(answer.errorCode()).isEqualTo(Errors.INVALID_REGULAR_EXPRESSION.code());
    }

    @Test
    void errorMessagesShowTheTenantsRegexAndNames() {
        short version = 1;
        exchange.forward(heartbeat().setSubscribedTopicRegex("a{2,1}"), version);

        ConsumerGroupHeartbeatResponseData tenantResponse = (ConsumerGroupHeartbeatResponseData) exchange.respond(
                new ConsumerGroupHeartbeatResponseData().setErrorCode(Errors.INVALID_REGULAR_EXPRESSION.code())
                        .setErrorMessage("SubscribedTopicRegex `" + CONFINED_HEAD + "a{2,1})` is not a valid regular expression: "
                                + "bad repetition operator for group " + PREFIX + "billing"), version);

        assertThat(tenantResponse.errorMessage()).isEqualTo(
                "SubscribedTopicRegex `a{2,1}` is not a valid regular expression: bad repetition operator for group billing");
    }
}
