package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.policy.TopicPolicy;
import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import io.kondo.protocol.TopicIdRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableReplicaAssignment;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicConfig;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateTopicsRewriteTest {

    private static final short NEWEST = 7;

    private final TopicIdRegistry topicIds = new TopicIdRegistry();
    private final TestTenant tenant = new TestTenant(topicIds);
    private final Exchange exchange = new Exchange(tenant);

    static CreatableTopic topic(String name, int partitions, int replicationFactor, String... configs) {
        CreatableTopic topic = new CreatableTopic().setName(name).setNumPartitions(partitions)
                .setReplicationFactor((short) replicationFactor);
        for (int i = 0; i < configs.length; i += 2) {
            topic.configs().add(new CreatableTopicConfig().setName(configs[i]).setValue(configs[i + 1]));
        }
        return topic;
    }

    static CreateTopicsRequestData request(CreatableTopic... topics) {
        CreateTopicsRequestData request = new CreateTopicsRequestData().setTimeoutMs(30_000);
        for (CreatableTopic topic : topics) {
            request.topics().add(topic);
        }
        return request;
    }

    /** The config rules of the topic policy: name, value, the error expected (NONE: accepted). */
    static Stream<Arguments> configRules() {
        return Stream.of(
                arguments("retention.ms", "-1", Errors.NONE),
                arguments("retention.ms", "60000", Errors.NONE),
                arguments("retention.ms", "59999", Errors.POLICY_VIOLATION),
                arguments("retention.ms", "a week", Errors.INVALID_CONFIG),
                arguments("retention.bytes", "-1", Errors.NONE),
                arguments("retention.bytes", "1073741824", Errors.NONE),
                arguments("retention.bytes", "-2", Errors.POLICY_VIOLATION),
                arguments("cleanup.policy", "delete", Errors.NONE),
                arguments("cleanup.policy", "compact", Errors.NONE),
                arguments("cleanup.policy", "delete,compact", Errors.NONE),
                arguments("cleanup.policy", "", Errors.POLICY_VIOLATION),
                arguments("cleanup.policy", "forever", Errors.POLICY_VIOLATION),
                arguments("max.message.bytes", "1048576", Errors.NONE),
                arguments("max.message.bytes", "1048577", Errors.POLICY_VIOLATION),
                arguments("max.message.bytes", "0", Errors.POLICY_VIOLATION),
                arguments("segment.bytes", "1048576", Errors.NONE),
                arguments("segment.bytes", "1048575", Errors.POLICY_VIOLATION),
                arguments("segment.bytes", "1073741824", Errors.NONE),
                arguments("segment.bytes", "1073741825", Errors.POLICY_VIOLATION),
                arguments("segment.ms", "60000", Errors.NONE),
                arguments("segment.ms", "1000", Errors.POLICY_VIOLATION),
                arguments("min.compaction.lag.ms", "0", Errors.NONE),
                arguments("min.compaction.lag.ms", "-1", Errors.POLICY_VIOLATION),
                arguments("max.compaction.lag.ms", "0", Errors.POLICY_VIOLATION),
                arguments("delete.retention.ms", "86400000", Errors.NONE),
                arguments("delete.retention.ms", "-1", Errors.POLICY_VIOLATION),
                arguments("compression.type", "zstd", Errors.NONE),
                arguments("compression.type", "brotli", Errors.INVALID_CONFIG),
                arguments("message.timestamp.type", "LogAppendTime", Errors.NONE),
                arguments("message.timestamp.type", "WallClock", Errors.INVALID_CONFIG),
                arguments("message.timestamp.before.max.ms", "3600000", Errors.NONE),
                arguments("message.timestamp.before.max.ms", "-5", Errors.POLICY_VIOLATION),
                arguments("message.timestamp.after.max.ms", "3600000", Errors.NONE),
                arguments("min.cleanable.dirty.ratio", "0.5", Errors.NONE),
                arguments("min.cleanable.dirty.ratio", "1.5", Errors.POLICY_VIOLATION),
                arguments("min.cleanable.dirty.ratio", "half", Errors.INVALID_CONFIG),
                arguments("min.insync.replicas", "2", Errors.NONE),
                arguments("min.insync.replicas", "3", Errors.NONE),
                arguments("min.insync.replicas", "1", Errors.POLICY_VIOLATION),
                arguments("min.insync.replicas", "4", Errors.POLICY_VIOLATION),
                arguments("unclean.leader.election.enable", "true", Errors.POLICY_VIOLATION),
                arguments("follower.replication.throttled.replicas", "*", Errors.POLICY_VIOLATION),
                arguments("local.retention.ms", "-2", Errors.POLICY_VIOLATION),
                arguments("preallocate", "true", Errors.POLICY_VIOLATION));
    }

    private CreatableTopicResult onlyResult(CreateTopicsResponseData response) {
        assertThat(response.topics()).hasSize(1);
        return response.topics().iterator().next();
    }

    @ParameterizedTest
    @ValueSource(shorts = {2, 4, 5, 7})
    void prefixesNamesAndAppliesThePolicysAndPlansDefaults(short version) {
        CreateTopicsRequestData request = request(topic("orders", -1, -1, "retention.ms", "86400000")).setValidateOnly(true);

        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(request, version);

        CreatableTopic topic = backing.topics().iterator().next();
        assertThat(topic.name()).isEqualTo(PREFIX + "orders");
        assertThat(topic.numPartitions()).isEqualTo(8);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).extracting(CreatableTopicConfig::name, CreatableTopicConfig::value)
                .containsExactlyInAnyOrder(tuple("retention.ms", "86400000"),
                        tuple("min.insync.replicas", "2"),
                        tuple("max.message.bytes", String.valueOf(1024 * 1024)));
        assertThat(backing.validateOnly()).isTrue();
    }

    @Test
    void usesTheTenantsTopicPolicy() {
        tenant.withTopicPolicy(new TopicPolicy(3, (short) 2, 1));

        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(request(topic("orders", -1, -1)), NEWEST);

        CreatableTopic topic = backing.topics().iterator().next();
        assertThat(topic.numPartitions()).isEqualTo(3);
        assertThat(topic.replicationFactor()).isEqualTo((short) 2);
        assertThat(topic.configs().find("min.insync.replicas").value()).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(shorts = {2, 5, 7})
    void answersOnlyTheTenantsTopicsUnprefixedAndLearnsTheirIds(short version) {
        exchange.forward(request(topic("orders", 3, 3)), version);
        Uuid id = Uuid.randomUuid();
        CreateTopicsResponseData backing = new CreateTopicsResponseData();
        backing.topics().add(new CreatableTopicResult().setName(PREFIX + "orders").setTopicId(version >= 7 ? id : Uuid.ZERO_UUID));
        backing.topics().add(new CreatableTopicResult().setName(OTHER_PREFIX + "orders"));
        backing.topics().add(new CreatableTopicResult().setName("__consumer_offsets"));

        CreateTopicsResponseData answer = (CreateTopicsResponseData) exchange.respond(backing, version);

        assertThat(onlyResult(answer).name()).isEqualTo("orders");
        if (version >= 7) {
            assertThat(topicIds.backingName(id)).contains(PREFIX + "orders");
        }
    }

    @Test
    void backingErrorMessagesDoNotShowThePrefix() {
        exchange.forward(request(topic("orders", 3, 3)), NEWEST);
        CreateTopicsResponseData backing = new CreateTopicsResponseData();
        backing.topics().add(new CreatableTopicResult().setName(PREFIX + "orders").setErrorCode(Errors.TOPIC_ALREADY_EXISTS.code())
                .setErrorMessage("Topic '" + PREFIX + "orders' already exists."));

        CreatableTopicResult answer = onlyResult((CreateTopicsResponseData) exchange.respond(backing, NEWEST));

        assertThat(answer.errorMessage()).isEqualTo("Topic 'orders' already exists.");
    }

    @ParameterizedTest
    @ValueSource(shorts = {2, 4, 7})
    void refusesAReplicationFactorOtherThanThePolicys(short version) {
        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(request(topic("orders", 3, 1)), version);
        assertThat(backing.topics()).isEmpty();

        CreatableTopicResult answer = onlyResult((CreateTopicsResponseData) exchange.respond(new CreateTopicsResponseData(), version));

        assertThat(answer.name()).isEqualTo("orders");
        assertThat(answer.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
        assertThat(answer.errorMessage()).contains("replication factor 1 is not allowed").contains("replicated 3 times");
    }

    @ParameterizedTest
    @ValueSource(shorts = {2, 7})
    void refusesManualReplicaAssignments(short version) {
        CreatableTopic topic = topic("orders", -1, -1);
        topic.assignments().add(new CreatableReplicaAssignment().setPartitionIndex(0).setBrokerIds(List.of(1, 2, 3)));

        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(request(topic), version);
        assertThat(backing.topics()).isEmpty();

        CreatableTopicResult answer = onlyResult((CreateTopicsResponseData) exchange.respond(new CreateTopicsResponseData(), version));
        assertThat(answer.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
        assertThat(answer.errorMessage()).contains("manual replica assignments");
    }

    @Test
    void refusesAnInvalidPartitionCount() {
        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(request(topic("orders", 0, -1)), NEWEST);
        assertThat(backing.topics()).isEmpty();

        CreatableTopicResult answer = onlyResult((CreateTopicsResponseData) exchange.respond(new CreateTopicsResponseData(), NEWEST));
        assertThat(answer.errorCode()).isEqualTo(Errors.INVALID_PARTITIONS.code());
    }

    @ParameterizedTest
    @ValueSource(shorts = {2, 7})
    void refusesEveryTopicWhenTogetherTheyExceedThePlansPartitionLimit(short version) {
        tenant.withTopic("existing", 90);

        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(
                request(topic("orders", 6, -1), topic("payments", 6, -1)), version);
        assertThat(backing.topics()).isEmpty();

        CreateTopicsResponseData answer = (CreateTopicsResponseData) exchange.respond(new CreateTopicsResponseData(), version);
        assertThat(answer.topics()).extracting(CreatableTopicResult::name).containsExactlyInAnyOrder("orders", "payments");
        assertThat(answer.topics()).allSatisfy(t -> {
            assertThat(t.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
            assertThat(t.errorMessage()).contains("would exceed the plan's limit of 100 partitions");
        });
    }

    @Test
    void createsTopicsThatExactlyReachThePlansPartitionLimit() {
        tenant.withTopic("existing", 92);

        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(request(topic("orders", -1, -1)), NEWEST);

        assertThat(backing.topics()).extracting(CreatableTopic::numPartitions).containsExactly(8);
    }

    @ParameterizedTest
    @MethodSource("configRules")
    void appliesTheTopicConfigRules(String name, String value, Errors expected) {
        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(request(topic("orders", -1, -1, name, value)),
                NEWEST);

        if (expected == Errors.NONE) {
            assertThat(backing.topics().iterator().next().configs().find(name).value()).isEqualTo(value);
            return;
        }
        assertThat(backing.topics()).isEmpty();
        CreatableTopicResult answer = onlyResult((CreateTopicsResponseData) exchange.respond(new CreateTopicsResponseData(), NEWEST));
        assertThat(Errors.forCode(answer.errorCode())).isEqualTo(expected);
        assertThat(answer.errorMessage()).contains("'" + name + "'");
    }

    @Test
    void maxMessageBytesFollowsThePlan() {
        tenant.withLimits(PlanCatalog.defaults().find("standard").orElseThrow().limits());
        String twoMib = Integer.toString(2 * 1024 * 1024);

        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(
                request(topic("orders", -1, -1, "max.message.bytes", twoMib)), NEWEST);

        assertThat(backing.topics().iterator().next().configs().find("max.message.bytes").value()).isEqualTo(twoMib);
    }

    @Test
    void refusesNamesTheTenantCannotUse() {
        String tooLong = "t".repeat(249 - PREFIX.length() + 1);

        CreateTopicsRequestData backing = (CreateTopicsRequestData) exchange.forward(
                request(topic(tooLong, -1, -1), topic("", -1, -1), topic("..", -1, -1), topic("orders", -1, -1)), NEWEST);
        assertThat(backing.topics()).extracting(CreatableTopic::name).containsExactly(PREFIX + "orders");

        CreateTopicsResponseData response = new CreateTopicsResponseData();
        response.topics().add(new CreatableTopicResult().setName(PREFIX + "orders"));
        CreateTopicsResponseData answer = (CreateTopicsResponseData) exchange.respond(response, NEWEST);
        assertThat(answer.topics()).extracting(CreatableTopicResult::name, CreatableTopicResult::errorCode)
                .containsExactlyInAnyOrder(tuple("orders", Errors.NONE.code()),
                        tuple(tooLong, Errors.INVALID_TOPIC_EXCEPTION.code()),
                        tuple("", Errors.INVALID_TOPIC_EXCEPTION.code()),
                        tuple("..", Errors.INVALID_TOPIC_EXCEPTION.code()));
    }
}
