package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.DescribeProducersRequestData;
import org.apache.kafka.common.message.DescribeProducersRequestData.TopicRequest;
import org.apache.kafka.common.message.DescribeProducersResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/** DescribeProducers: topic names in and out; only the tenant's topics come back. */
final class DescribeProducersRewrite implements ApiRewrite<DescribeProducersRequestData, DescribeProducersResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_PRODUCERS;
    }

    @Override
    public ResponseRewrite<DescribeProducersResponseData> rewriteRequest(DescribeProducersRequestData request, short version,
                                                                         TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        for (TopicRequest topic : request.topics()) {
            topic.setName(Names.topicIn(namespace, topic.name()));
        }
        return (response, v) -> response.setTopics(response.topics().stream()
                .filter(topic -> namespace.owns(topic.name()))
                .map(topic -> topic.setName(Names.out(namespace, topic.name())))
                .toList());
    }
}
