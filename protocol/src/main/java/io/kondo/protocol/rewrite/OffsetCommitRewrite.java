package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponsePartition;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * OffsetCommit: the group id and topic names (to v9) in, names out. From v10 topics are named by
 * id: ids the tenant does not own are taken out of the request and answered UNKNOWN_TOPIC_ID.
 */
final class OffsetCommitRewrite implements ApiRewrite<OffsetCommitRequestData, OffsetCommitResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.OFFSET_COMMIT;
    }

    @Override
    public ResponseRewrite<OffsetCommitResponseData> rewriteRequest(OffsetCommitRequestData request, short version,
                                                                    TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setGroupId(Names.in(namespace, request.groupId()));
        List<OffsetCommitRequestTopic> kept = new ArrayList<>();
        List<OffsetCommitRequestTopic> refused = new ArrayList<>();
        for (OffsetCommitRequestTopic topic : request.topics()) {
            if (!usesIds(version)) {
                kept.add(topic.setName(Names.topicIn(namespace, topic.name())));
            } else if (tenant.ownedTopic(topic.topicId()).isPresent()) {
                kept.add(topic);
            } else {
                refused.add(topic);
            }
        }
        request.setTopics(kept);
        Set<Uuid> forwardedIds = new HashSet<>();
        kept.forEach(topic -> forwardedIds.add(topic.topicId()));
        return (response, v) -> rewriteResponse(response, v, namespace, forwardedIds, refused);
    }

    static boolean usesIds(short version) {
        return version >= 10;
    }

    private static void rewriteResponse(OffsetCommitResponseData response, short version, TenantNamespace namespace,
                                        Set<Uuid> forwardedIds, List<OffsetCommitRequestTopic> refused) {
        List<OffsetCommitResponseTopic> topics = new ArrayList<>();
        for (OffsetCommitResponseTopic topic : response.topics()) {
            if (usesIds(version)) {
                if (forwardedIds.contains(topic.topicId())) {
                    topics.add(topic);
                }
            } else if (namespace.owns(topic.name())) {
                topics.add(topic.setName(Names.out(namespace, topic.name())));
            }
        }
        for (OffsetCommitRequestTopic topic : refused) {
            OffsetCommitResponseTopic unknown = new OffsetCommitResponseTopic().setTopicId(topic.topicId());
            for (OffsetCommitRequestPartition partition : topic.partitions()) {
                unknown.partitions().add(new OffsetCommitResponsePartition()
                        .setPartitionIndex(partition.partitionIndex()).setErrorCode(Errors.UNKNOWN_TOPIC_ID.code()));
            }
            topics.add(unknown);
        }
        response.setTopics(topics);
    }
}
