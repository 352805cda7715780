package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData.OffsetForLeaderTopic;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.OffsetForLeaderTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * OffsetForLeaderEpoch: topic names in and out; only the tenant's topics come back. Only consumers
 * ask (replica id -1 from v3, where the field exists): a follower's request is refused.
 */
final class OffsetForLeaderEpochRewrite
        implements ApiRewrite<OffsetForLeaderEpochRequestData, OffsetForLeaderEpochResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.OFFSET_FOR_LEADER_EPOCH;
    }

    @Override
    public ResponseRewrite<OffsetForLeaderEpochResponseData> rewriteRequest(OffsetForLeaderEpochRequestData request,
                                                                            short version, TenantContext tenant) {
        if (version >= 3 && request.replicaId() != ListOffsetsRewrite.CONSUMER_REPLICA_ID) {
            throw new ClusterAuthorizationException("only consumers may ask for leader epochs, not replica " + request.replicaId());
        }
        TenantNamespace namespace = tenant.namespace();
        for (OffsetForLeaderTopic topic : Collections.drain(request.topics())) {
            request.topics().add(topic.setTopic(Names.topicIn(namespace, topic.topic())));
        }
        return (response, v) -> {
            for (OffsetForLeaderTopicResult topic : Collections.drain(response.topics())) {
                if (namespace.owns(topic.topic())) {
                    response.topics().add(topic.setTopic(Names.out(namespace, topic.topic())));
                }
            }
        };
    }
}
