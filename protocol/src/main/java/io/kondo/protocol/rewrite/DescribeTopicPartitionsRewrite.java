package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData.Cursor;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData.TopicRequest;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData.DescribeTopicPartitionsResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * DescribeTopicPartitions: topic names (and the cursor's) in; out, only the tenant's topics, names
 * unprefixed, ids learned. The backing cluster pages through topics in name order from the cursor,
 * and all the tenant's backing names share its prefix, so "all topics" starts at the prefix: the
 * tenant's topics come first, and a next cursor past them (another tenant's topic) means the
 * tenant's list is complete, so it is dropped.
 */
final class DescribeTopicPartitionsRewrite
        implements ApiRewrite<DescribeTopicPartitionsRequestData, DescribeTopicPartitionsResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_TOPIC_PARTITIONS;
    }

    @Override
    public ResponseRewrite<DescribeTopicPartitionsResponseData> rewriteRequest(DescribeTopicPartitionsRequestData request,
                                                                               short version, TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        for (TopicRequest topic : request.topics()) {
            topic.setName(Names.topicIn(namespace, topic.name()));
        }
        if (request.cursor() != null) {
            request.cursor().setTopicName(Names.topicIn(namespace, request.cursor().topicName()));
        } else if (request.topics().isEmpty()) {
            request.setCursor(new Cursor().setTopicName(namespace.prefix()).setPartitionIndex(0));
        }
        return (response, v) -> rewriteResponse(response, tenant);
    }

    private static void rewriteResponse(DescribeTopicPartitionsResponseData response, TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        for (DescribeTopicPartitionsResponseTopic topic : Collections.drain(response.topics())) {
            if (namespace.owns(topic.name())) {
                tenant.topicIds().learn(topic.topicId(), topic.name());
                response.topics().add(topic.setName(Names.out(namespace, topic.name())).setIsInternal(false));
            }
        }
        DescribeTopicPartitionsResponseData.Cursor next = response.nextCursor();
        if (next != null) {
            if (namespace.owns(next.topicName())) {
                next.setTopicName(Names.out(namespace, next.topicName()));
            } else {
                response.setNextCursor(null);
            }
        }
    }
}
