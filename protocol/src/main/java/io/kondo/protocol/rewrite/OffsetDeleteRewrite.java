package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestTopic;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;

/** OffsetDelete: the group id and topic names in; out, only the tenant's topics, unprefixed. */
final class OffsetDeleteRewrite implements ApiRewrite<OffsetDeleteRequestData, OffsetDeleteResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.OFFSET_DELETE;
    }

    @Override
    public ResponseRewrite<OffsetDeleteResponseData> rewriteRequest(OffsetDeleteRequestData request, short version,
                                                                    TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setGroupId(Names.in(namespace, request.groupId()));
        for (OffsetDeleteRequestTopic topic : Collections.drain(request.topics())) {
            request.topics().add(topic.setName(Names.topicIn(namespace, topic.name())));
        }
        return (response, v) -> {
            for (OffsetDeleteResponseTopic topic : Collections.drain(response.topics())) {
                if (namespace.owns(topic.name())) {
                    response.topics().add(topic.setName(Names.out(namespace, topic.name())));
                }
            }
        };
    }
}
