package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import io.kondo.protocol.TenantContext.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FetchRequestData.ForgottenTopic;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FetchResponseData.FetchableTopicResponse;
import org.apache.kafka.common.message.FetchResponseData.NodeEndpoint;
import org.apache.kafka.common.message.FetchResponseData.PartitionData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * Fetch by topic name (to v12) or topic id (v13 on). Ids the tenant does not own are taken out of
 * the request and answered UNKNOWN_TOPIC_ID. Only consumers fetch: replica fetches are refused. A
 * fetch asks for no more than the tenant's fetch quota can deliver (as Kafka's broker caps it),
 * or a larger response would be throttled every time and never arrive.
 * Record batches pass through untouched.
 */
final class FetchRewrite implements ApiRewrite<FetchRequestData, FetchResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.FETCH;
    }

    @Override
    public ResponseRewrite<FetchResponseData> rewriteRequest(FetchRequestData request, short version, TenantContext tenant) {
        if (request.replicaId() >= 0 || request.replicaState().replicaId() >= 0) {
            throw new org.apache.kafka.common.errors.ClusterAuthorizationException("replica fetches are not allowed");
        }
        TenantNamespace namespace = tenant.namespace();
        request.setClusterId(null);
        request.setMaxBytes(Math.min(request.maxBytes(), tenant.maxFetchBytes()));
        List<FetchTopic> kept = new ArrayList<>();
        List<FetchTopic> refused = new ArrayList<>();
        for (FetchTopic topic : request.topics()) {
            if (usesIds(version)) {
                (tenant.ownedTopic(topic.topicId()).isPresent() ? kept : refused).add(topic);
            } else {
                kept.add(topic.setTopic(Names.topicIn(namespace, topic.topic())));
            }
        }
        request.setTopics(kept);
        List<ForgottenTopic> forgotten = new ArrayList<>();
        for (ForgottenTopic topic : request.forgottenTopicsData()) {
            if (usesIds(version)) {
                if (tenant.ownedTopic(topic.topicId()).isPresent()) {
                    forgotten.add(topic);
                }
            } else {
                forgotten.add(topic.setTopic(Names.topicIn(namespace, topic.topic())));
            }
        }
        request.setForgottenTopicsData(forgotten);
        return (response, v) -> rewriteResponse(response, v, tenant, refused);
    }

    private static boolean usesIds(short version) {
        return version >= 13;
    }

    private static void rewriteResponse(FetchResponseData response, short version, TenantContext tenant, List<FetchTopic> refused) {
        TenantNamespace namespace = tenant.namespace();
        if (!usesIds(version)) {
            for (FetchableTopicResponse topic : response.responses()) {
                topic.setTopic(Names.out(namespace, topic.topic()));
            }
        }
        for (FetchTopic topic : refused) {
            FetchableTopicResponse unknown = new FetchableTopicResponse().setTopicId(topic.topicId()).setTopic(topic.topic());
            for (FetchPartition partition : topic.partitions()) {
                unknown.partitions().add(new PartitionData().setPartitionIndex(partition.partition())
                        .setErrorCode(Errors.UNKNOWN_TOPIC_ID.code()).setHighWatermark(-1).setLastStableOffset(-1)
                        .setLogStartOffset(-1));
            }
            response.responses().add(unknown);
        }
        for (NodeEndpoint endpoint : Collections.drain(response.nodeEndpoints())) {
            Optional<HostPort> address = Brokers.address(tenant, endpoint.nodeId());
            address.ifPresent(a -> response.nodeEndpoints().add(endpoint.setHost(a.host()).setPort(a.port())));
        }
    }
}
