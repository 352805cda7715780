package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsRequestData.DescribeConfigsResource;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResourceResult;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResult;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsSynonym;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DescribeConfigsRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static DescribeConfigsResource resource(ConfigResource.Type type, String name) {
        return new DescribeConfigsResource().setResourceType(type.id()).setResourceName(name).setConfigurationKeys(null);
    }

    private static DescribeConfigsRequestData request(DescribeConfigsResource... resources) {
        return new DescribeConfigsRequestData().setResources(new ArrayList<>(List.of(resources))).setIncludeSynonyms(true);
    }

    private static DescribeConfigsResult result(ConfigResource.Type type, String name) {
        return new DescribeConfigsResult().setResourceType(type.id()).setResourceName(name);
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 3, 4})
    void prefixesTopicAndGroupResources(short version) {
        DescribeConfigsRequestData backing = (DescribeConfigsRequestData) exchange.forward(
                request(resource(ConfigResource.Type.TOPIC, "orders"), resource(ConfigResource.Type.GROUP, "billing")), version);

        assertThat(backing.resources()).extracting(DescribeConfigsResource::resourceType, DescribeConfigsResource::resourceName)
                .containsExactly(tuple(ConfigResource.Type.TOPIC.id(), PREFIX + "orders"),
                        tuple(ConfigResource.Type.GROUP.id(), PREFIX + "billing"));
        assertThat(backing.includeSynonyms()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 3, 4})
    void answersOnlyTheTenantsResourcesUnprefixed(short version) {
        exchange.forward(request(resource(ConfigResource.Type.TOPIC, "orders"), resource(ConfigResource.Type.GROUP, "billing")),
                version);
        DescribeConfigsResponseData backing = new DescribeConfigsResponseData();
        backing.results().add(result(ConfigResource.Type.TOPIC, PREFIX + "orders").setConfigs(new ArrayList<>(List.of(
                new DescribeConfigsResourceResult().setName("retention.ms").setValue("604800000")))));
        backing.results().add(result(ConfigResource.Type.GROUP, PREFIX + "billing"));
        backing.results().add(result(ConfigResource.Type.TOPIC, OTHER_PREFIX + "orders"));
        backing.results().add(result(ConfigResource.Type.TOPIC, "__consumer_offsets"));

        DescribeConfigsResponseData answer = (DescribeConfigsResponseData) exchange.respond(backing, version);

        assertThat(answer.results()).extracting(DescribeConfigsResult::resourceName).containsExactly("orders", "billing");
        assertThat(answer.results().get(0).configs()).extracting(DescribeConfigsResourceResult::value).containsExactly("604800000");
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 4})
    void hidesConfigEntriesAndSynonymsNamingAnotherTenant(short version) {
        exchange.forward(request(resource(ConfigResource.Type.TOPIC, "orders")), version);
        DescribeConfigsResourceResult retention = new DescribeConfigsResourceResult().setName("retention.ms").setValue("1000")
                .setSynonyms(new ArrayList<>(List.of(
                        new DescribeConfigsSynonym().setName("retention.ms").setValue("1000"),
                        new DescribeConfigsSynonym().setName("log.retention.ms").setValue(OTHER_PREFIX + "leak"))));
        DescribeConfigsResourceResult leaking = new DescribeConfigsResourceResult().setName("some.list").setValue(OTHER_PREFIX + "secret-0");
        DescribeConfigsResponseData backing = new DescribeConfigsResponseData();
        backing.results().add(result(ConfigResource.Type.TOPIC, PREFIX + "orders")
                .setConfigs(new ArrayList<>(List.of(retention, leaking))));

        DescribeConfigsResponseData answer = (DescribeConfigsResponseData) exchange.respond(backing, version);

        List<DescribeConfigsResourceResult> configs = answer.results().get(0).configs();
        assertThat(configs).extracting(DescribeConfigsResourceResult::name).containsExactly("retention.ms");
        assertThat(configs.get(0).synonyms()).extracting(DescribeConfigsSynonym::name).containsExactly("retention.ms");
    }

    @ParameterizedTest
    @EnumSource(value = ConfigResource.Type.class, names = {"BROKER", "BROKER_LOGGER", "CLIENT_METRICS", "UNKNOWN"})
    void clusterResourcesAreRefusedWithoutForwarding(ConfigResource.Type type) {
        short version = 4;
        DescribeConfigsRequestData backing = (DescribeConfigsRequestData) exchange.forward(
                request(resource(type, "1"), resource(ConfigResource.Type.TOPIC, "orders")), version);
        assertThat(backing.resources()).extracting(DescribeConfigsResource::resourceName).containsExactly(PREFIX + "orders");

        DescribeConfigsResponseData response = new DescribeConfigsResponseData();
        response.results().add(result(ConfigResource.Type.TOPIC, PREFIX + "orders"));
        DescribeConfigsResponseData answer = (DescribeConfigsResponseData) exchange.respond(response, version);

        assertThat(answer.results()).extracting(DescribeConfigsResult::resourceType, DescribeConfigsResult::resourceName,
                DescribeConfigsResult::errorCode).containsExactlyInAnyOrder(
                tuple(ConfigResource.Type.TOPIC.id(), "orders", Errors.NONE.code()),
                tuple(type.id(), "1", Errors.CLUSTER_AUTHORIZATION_FAILED.code()));
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 4})
    void theDefaultBrokerConfigIsRefusedToo(short version) {
        DescribeConfigsRequestData backing = (DescribeConfigsRequestData) exchange.forward(
                request(resource(ConfigResource.Type.BROKER, "")), version);
        assertThat(backing.resources()).isEmpty();

        DescribeConfigsResponseData answer = (DescribeConfigsResponseData) exchange.respond(new DescribeConfigsResponseData(), version);

        assertThat(answer.results()).singleElement().satisfies(r -> {
            assertThat(r.errorCode()).isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED.code());
            assertThat(r.errorMessage()).contains("BROKER");
        });
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 4})
    void refusesEmptyTopicAndGroupNamesThatWouldNameOnlyThePrefix(short version) {
        DescribeConfigsRequestData backing = (DescribeConfigsRequestData) exchange.forward(
                request(resource(ConfigResource.Type.TOPIC, ""), resource(ConfigResource.Type.GROUP, "")), version);
        assertThat(backing.resources()).isEmpty();

        DescribeConfigsResponseData answer = (DescribeConfigsResponseData) exchange.respond(new DescribeConfigsResponseData(), version);

        assertThat(answer.results()).extracting(DescribeConfigsResult::resourceType, DescribeConfigsResult::errorCode)
                .containsExactlyInAnyOrder(tuple(ConfigResource.Type.TOPIC.id(), Errors.INVALID_TOPIC_EXCEPTION.code()),
                        tuple(ConfigResource.Type.GROUP.id(), Errors.INVALID_GROUP_ID.code()));
    }
}
