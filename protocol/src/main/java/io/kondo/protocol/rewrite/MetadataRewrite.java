package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import io.kondo.protocol.TenantContext.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseBroker;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * Metadata: the tenant's topic names in; out, only the tenant's topics (names unprefixed), the
 * logical cluster id, and brokers at their gateway ports. "All topics" means all of the tenant's.
 * Topics asked for by an id that is not the tenant's are answered UNKNOWN_TOPIC_ID. Auto-creation
 * is never asked of the backing cluster: tenants create topics through CreateTopics and its policy.
 */
final class MetadataRewrite implements ApiRewrite<MetadataRequestData, MetadataResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.METADATA;
    }

    @Override
    public ResponseRewrite<MetadataResponseData> rewriteRequest(MetadataRequestData request, short version, TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        if (version >= 4) {
            request.setAllowAutoTopicCreation(false);
        }
        List<Uuid> unknownIds = new ArrayList<>();
        if (request.topics() != null) {
            List<MetadataRequestTopic> kept = new ArrayList<>();
            for (MetadataRequestTopic topic : request.topics()) {
                if (topic.name() != null) {
                    kept.add(topic.setName(Names.topicIn(namespace, topic.name())));
                } else {
                    Optional<String> owned = tenant.ownedTopic(topic.topicId());
                    if (owned.isPresent()) {
                        kept.add(topic);
                    } else {
                        unknownIds.add(topic.topicId());
                    }
                }
            }
            request.setTopics(kept);
        }
        return (response, v) -> rewriteResponse(response, tenant, unknownIds);
    }

    private static void rewriteResponse(MetadataResponseData response, TenantContext tenant, List<Uuid> unknownIds) {
        TenantNamespace namespace = tenant.namespace();
        response.setClusterId(namespace.cluster().value());
        MetadataResponseData.MetadataResponseBrokerCollection brokers = new MetadataResponseData.MetadataResponseBrokerCollection();
        for (MetadataResponseBroker broker : response.brokers()) {
            Optional<HostPort> address = Brokers.address(tenant, broker.nodeId());
            address.ifPresent(a -> brokers.add(new MetadataResponseBroker()
                    .setNodeId(broker.nodeId()).setHost(a.host()).setPort(a.port()).setRack(broker.rack())));
        }
        response.setBrokers(brokers);
        MetadataResponseData.MetadataResponseTopicCollection topics = new MetadataResponseData.MetadataResponseTopicCollection();
        for (MetadataResponseTopic topic : response.topics()) {
            if (topic.name() != null && namespace.owns(topic.name())) {
                tenant.topicIds().learn(topic.topicId(), topic.name());
                topics.add(topic.duplicate().setName(Names.out(namespace, topic.name())).setIsInternal(false));
            }
        }
        for (Uuid id : unknownIds) {
            topics.add(new MetadataResponseTopic().setName(null).setTopicId(id).setErrorCode(Errors.UNKNOWN_TOPIC_ID.code()));
        }
        response.setTopics(topics);
    }
}
