package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * ListOffsets: topic names in and out; only the tenant's topics come back. Only consumers ask:
 * a request on behalf of a replica, or the debugging replica id, is refused.
 */
final class ListOffsetsRewrite implements ApiRewrite<ListOffsetsRequestData, ListOffsetsResponseData> {

    static final int CONSUMER_REPLICA_ID = -1;

    @Override
    public ApiKeys api() {
        return ApiKeys.LIST_OFFSETS;
    }

    @Override
    public ResponseRewrite<ListOffsetsResponseData> rewriteRequest(ListOffsetsRequestData request, short version,
                                                                   TenantContext tenant) {
        if (request.replicaId() != CONSUMER_REPLICA_ID) {
            throw new ClusterAuthorizationException("only consumers may list offsets, not replica " + request.replicaId());
        }
        TenantNamespace namespace = tenant.namespace();
        for (ListOffsetsTopic topic : request.topics()) {
            topic.setName(Names.topicIn(namespace, topic.name()));
        }
        return (response, v) -> response.setTopics(response.topics().stream()
                .filter(topic -> namespace.owns(topic.name()))
                .map(topic -> topic.setName(Names.out(namespace, topic.name())))
                .toList());
    }
}
