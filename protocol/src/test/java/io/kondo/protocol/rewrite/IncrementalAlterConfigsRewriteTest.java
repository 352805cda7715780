package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import org.apache.kafka.clients.admin.AlterConfigOp.OpType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterConfigsResource;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterableConfig;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IncrementalAlterConfigsRewriteTest {

    private static final short NEWEST = 1;

    private final Exchange exchange = new Exchange(new TestTenant());

    private static AlterConfigsResource resource(ConfigResource.Type type, String name, OpType operation, String config, String value) {
        AlterConfigsResource resource = new AlterConfigsResource().setResourceType(type.id()).setResourceName(name);
        resource.configs().add(new AlterableConfig().setName(config).setConfigOperation(operation.id()).setValue(value));
        return resource;
    }

    private static IncrementalAlterConfigsRequestData request(AlterConfigsResource... resources) {
        IncrementalAlterConfigsRequestData request = new IncrementalAlterConfigsRequestData();
        for (AlterConfigsResource resource : resources) {
            request.resources().add(resource);
        }
        return request;
    }

    private static AlterConfigsResource topic(OpType operation, String config, String value) {
        return resource(ConfigResource.Type.TOPIC, "orders", operation, config, value);
    }

    private AlterConfigsResourceResponse refusal(AlterConfigsResource resource, short version) {
        IncrementalAlterConfigsRequestData backing = (IncrementalAlterConfigsRequestData) exchange.forward(request(resource), version);
        assertThat(backing.resources()).isEmpty();
        IncrementalAlterConfigsResponseData answer = (IncrementalAlterConfigsResponseData) exchange.respond(
                new IncrementalAlterConfigsResponseData(), version);
        assertThat(answer.responses()).hasSize(1);
        return answer.responses().get(0);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void prefixesTopicsAndPassesValidateOnlyThrough(short version) {
        IncrementalAlterConfigsRequestData request = request(topic(OpType.SET, "retention.ms", "86400000")).setValidateOnly(true);

        IncrementalAlterConfigsRequestData backing = (IncrementalAlterConfigsRequestData) exchange.forward(request, version);

        AlterConfigsResource resource = backing.resources().iterator().next();
        assertThat(resource.resourceName()).isEqualTo(PREFIX + "orders");
        assertThat(resource.configs()).extracting(AlterableConfig::name, AlterableConfig::value)
                .containsExactly(tuple("retention.ms", "86400000"));
        assertThat(backing.validateOnly()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void answersOnlyTheTenantsTopicsUnprefixed(short version) {
        exchange.forward(request(topic(OpType.SET, "retention.ms", "86400000")), version);
        IncrementalAlterConfigsResponseData backing = new IncrementalAlterConfigsResponseData();
        backing.responses().add(new AlterConfigsResourceResponse().setResourceType(ConfigResource.Type.TOPIC.id())
                .setResourceName(PREFIX + "orders"));
        backing.responses().add(new AlterConfigsResourceResponse().setResourceType(ConfigResource.Type.TOPIC.id())
                .setResourceName(OTHER_PREFIX + "orders"));
        backing.responses().add(new AlterConfigsResourceResponse().setResourceType(ConfigResource.Type.TOPIC.id())
                .setResourceName("__consumer_offsets"));

        IncrementalAlterConfigsResponseData answer = (IncrementalAlterConfigsResponseData) exchange.respond(backing, version);

        assertThat(answer.responses()).extracting(AlterConfigsResourceResponse::resourceName).containsExactly("orders");
    }

    @ParameterizedTest
    @MethodSource("io.kondo.protocol.rewrite.CreateTopicsRewriteTest#configRules")
    void appliesTheTopicConfigRulesToSet(String name, String value, Errors expected) {
        if (expected == Errors.NONE) {
            IncrementalAlterConfigsRequestData backing = (IncrementalAlterConfigsRequestData) exchange.forward(
                    request(topic(OpType.SET, name, value)), NEWEST);
            assertThat(backing.resources().iterator().next().configs().iterator().next().value()).isEqualTo(value);
            return;
        }
        AlterConfigsResourceResponse answer = refusal(topic(OpType.SET, name, value), NEWEST);
        assertThat(Errors.forCode(answer.errorCode())).isEqualTo(expected);
        assertThat(answer.errorMessage()).contains("'" + name + "'");
        assertThat(answer.resourceName()).isEqualTo("orders");
    }

    @Test
    void minInSyncReplicasCannotBeResetBelowThePolicy() {
        AlterConfigsResourceResponse answer = refusal(topic(OpType.DELETE, "min.insync.replicas", null), NEWEST);

        assertThat(answer.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
        assertThat(answer.errorMessage()).contains("min.insync.replicas").contains("at least 2");
    }

    @Test
    void anAllowedConfigCanBeResetToTheDefault() {
        IncrementalAlterConfigsRequestData backing = (IncrementalAlterConfigsRequestData) exchange.forward(
                request(topic(OpType.DELETE, "retention.ms", null)), NEWEST);

        assertThat(backing.resources()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = OpType.class, names = {"APPEND", "SUBTRACT"})
    void appendAndSubtractAreRefusedBecauseTheirResultCannotBeChecked(OpType operation) {
        AlterConfigsResourceResponse answer = refusal(topic(operation, "cleanup.policy", "compact"), NEWEST);

        assertThat(answer.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
        assertThat(answer.errorMessage()).contains("cleanup.policy");
    }

    @Test
    void oneRefusedConfigRefusesItsWholeResourceOnly() {
        AlterConfigsResource orders = topic(OpType.SET, "retention.ms", "86400000");
        orders.configs().add(new AlterableConfig().setName("unclean.leader.election.enable")
                .setConfigOperation(OpType.SET.id()).setValue("true"));
        AlterConfigsResource payments = resource(ConfigResource.Type.TOPIC, "payments", OpType.SET, "retention.ms", "-1");

        IncrementalAlterConfigsRequestData backing = (IncrementalAlterConfigsRequestData) exchange.forward(
                request(orders, payments), NEWEST);

        assertThat(backing.resources()).extracting(AlterConfigsResource::resourceName).containsExactly(PREFIX + "payments");
    }

    @ParameterizedTest
    @EnumSource(value = ConfigResource.Type.class, names = {"BROKER", "BROKER_LOGGER", "CLIENT_METRICS", "UNKNOWN"})
    void clusterResourcesAreRefusedWithoutForwarding(ConfigResource.Type type) {
        AlterConfigsResourceResponse answer = refusal(resource(type, "1", OpType.SET, "log.retention.ms", "1"), NEWEST);

        assertThat(answer.errorCode()).isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED.code());
        assertThat(answer.resourceType()).isEqualTo(type.id());
        assertThat(answer.resourceName()).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void groupConfigsAreRefused(short version) {
        AlterConfigsResourceResponse answer = refusal(
                resource(ConfigResource.Type.GROUP, "billing", OpType.SET, "consumer.session.timeout.ms", "45000"), version);

        assertThat(answer.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
        assertThat(answer.resourceName()).isEqualTo("billing");
    }
}
