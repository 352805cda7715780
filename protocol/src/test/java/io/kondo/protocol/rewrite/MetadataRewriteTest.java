package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import io.kondo.protocol.TopicIdRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseBroker;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataRewriteTest {

    private final TopicIdRegistry topicIds = new TopicIdRegistry();
    private final Exchange exchange = new Exchange(new TestTenant(topicIds));

    @ParameterizedTest
    @ValueSource(shorts = {1, 4, 9, 12, 13})
    void prefixesRequestedTopicsAndNeverAsksForAutoCreation(short version) {
        MetadataRequestData request = new MetadataRequestData().setAllowAutoTopicCreation(true)
                .setTopics(new ArrayList<>(List.of(new MetadataRequestTopic().setName("orders"))));

        MetadataRequestData backing = (MetadataRequestData) exchange.forward(request, version);

        assertThat(backing.topics()).extracting(MetadataRequestTopic::name).containsExactly(PREFIX + "orders");
        if (version >= 4) {
            assertThat(backing.allowAutoTopicCreation()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 9, 12, 13})
    void showsOnlyTheTenantsTopicsItsClusterIdAndGatewayBrokers(short version) {
        Uuid ours = Uuid.randomUuid();
        exchange.forward(new MetadataRequestData().setTopics(null), version);
        MetadataResponseData backing = new MetadataResponseData().setClusterId("backing-cluster-id").setControllerId(1);
        backing.brokers().add(new MetadataResponseBroker().setNodeId(1).setHost("10.0.0.1").setPort(29092).setRack("r1"));
        backing.brokers().add(new MetadataResponseBroker().setNodeId(9).setHost("10.0.0.9").setPort(29099));
        backing.topics().add(new MetadataResponseTopic().setName(PREFIX + "orders").setTopicId(ours));
        backing.topics().add(new MetadataResponseTopic().setName(OTHER_PREFIX + "orders").setTopicId(Uuid.randomUuid()));
        backing.topics().add(new MetadataResponseTopic().setName("__consumer_offsets").setIsInternal(true));
        backing.topics().add(new MetadataResponseTopic().setName("_kondo_tenant_metadata"));

        MetadataResponseData tenant = (MetadataResponseData) exchange.respond(backing, version);

        assertThat(tenant.topics()).extracting(MetadataResponseTopic::name).containsExactly("orders");
        if (version >= 2) {
            assertThat(tenant.clusterId()).isEqualTo("lkc-abc123");
        }
        assertThat(tenant.brokers()).hasSize(1);
        MetadataResponseBroker broker = tenant.brokers().iterator().next();
        assertThat(broker.host()).isEqualTo(TestTenant.GATEWAY_HOST);
        assertThat(broker.port()).isEqualTo(19093);
        if (version >= 10) {
            assertThat(topicIds.backingName(ours)).contains(PREFIX + "orders");
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {12, 13})
    void answersUnknownTopicIdForAnIdTheTenantDoesNotOwn(short version) {
        Uuid theirs = Uuid.randomUuid();
        topicIds.learn(theirs, OTHER_PREFIX + "secret");
        MetadataRequestData request = new MetadataRequestData()
                .setTopics(new ArrayList<>(List.of(new MetadataRequestTopic().setName(null).setTopicId(theirs))));

        MetadataRequestData backing = (MetadataRequestData) exchange.forward(request, version);
        assertThat(backing.topics()).isEmpty();

        MetadataResponseData tenant = (MetadataResponseData) exchange.respond(new MetadataResponseData(), version);
        assertThat(tenant.topics()).hasSize(1);
        MetadataResponseTopic answer = tenant.topics().iterator().next();
        assertThat(answer.topicId()).isEqualTo(theirs);
        assertThat(answer.errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
        assertThat(answer.name()).isNull();
    }
}
