package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestGroup;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopics;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseGroup;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartitions;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopic;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopics;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * OffsetFetch: one group (to v7) or a batch of groups (v8 on), group ids and topic names in, names
 * out; groups and topics that are not the tenant's are dropped. From v10 topics are named by id:
 * ids the tenant does not own are taken out of the request and answered UNKNOWN_TOPIC_ID, and of
 * an "all topics" answer only the ids the tenant owns are kept. A null topic list ("all topics")
 * stays null; an emptied one stays empty.
 */
final class OffsetFetchRewrite implements ApiRewrite<OffsetFetchRequestData, OffsetFetchResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.OFFSET_FETCH;
    }

    @Override
    public ResponseRewrite<OffsetFetchResponseData> rewriteRequest(OffsetFetchRequestData request, short version,
                                                                   TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        if (version < 8) {
            request.setGroupId(Names.in(namespace, request.groupId()));
            if (request.topics() != null) {
                request.topics().forEach(topic -> topic.setName(Names.topicIn(namespace, topic.name())));
            }
            return (response, v) -> response.setTopics(singleGroupTopicsOut(namespace, response.topics()));
        }
        Map<String, GroupTopics> asked = new HashMap<>();
        for (OffsetFetchRequestGroup group : request.groups()) {
            group.setGroupId(Names.in(namespace, group.groupId()));
            asked.put(group.groupId(), groupTopicsIn(group, version, tenant));
        }
        return (response, v) -> rewriteGroupsResponse(response, v, tenant, asked);
    }

    private static boolean usesIds(short version) {
        return version >= 10;
    }

    /** What one group of a batched request asked for by id: the ids forwarded and the topics refused. */
    private record GroupTopics(boolean all, Set<Uuid> forwardedIds, List<OffsetFetchRequestTopics> refused) {
    }

    private static GroupTopics groupTopicsIn(OffsetFetchRequestGroup group, short version, TenantContext tenant) {
        if (group.topics() == null) {
            return new GroupTopics(true, Set.of(), List.of());
        }
        Set<Uuid> forwardedIds = new HashSet<>();
        List<OffsetFetchRequestTopics> kept = new ArrayList<>();
        List<OffsetFetchRequestTopics> refused = new ArrayList<>();
        for (OffsetFetchRequestTopics topic : group.topics()) {
            if (!usesIds(version)) {
                kept.add(topic.setName(Names.topicIn(tenant.namespace(), topic.name())));
            } else if (tenant.ownedTopic(topic.topicId()).isPresent()) {
                kept.add(topic);
                forwardedIds.add(topic.topicId());
            } else {
                refused.add(topic);
            }
        }
        group.setTopics(kept);
        return new GroupTopics(false, forwardedIds, refused);
    }

    private static List<OffsetFetchResponseTopic> singleGroupTopicsOut(TenantNamespace namespace,
                                                                       List<OffsetFetchResponseTopic> topics) {
        List<OffsetFetchResponseTopic> own = new ArrayList<>();
        for (OffsetFetchResponseTopic topic : topics) {
            if (namespace.owns(topic.name())) {
                own.add(topic.setName(Names.out(namespace, topic.name())));
            }
        }
        return own;
    }

    private static void rewriteGroupsResponse(OffsetFetchResponseData response, short version, TenantContext tenant,
                                              Map<String, GroupTopics> asked) {
        TenantNamespace namespace = tenant.namespace();
        List<OffsetFetchResponseGroup> groups = new ArrayList<>();
        for (OffsetFetchResponseGroup group : response.groups()) {
            GroupTopics askedTopics = asked.get(group.groupId());
            if (askedTopics != null && namespace.owns(group.groupId())) {
                groups.add(group.setGroupId(Names.out(namespace, group.groupId()))
                        .setTopics(groupTopicsOut(group.topics(), version, tenant, askedTopics)));
            }
        }
        response.setGroups(groups);
    }

    private static List<OffsetFetchResponseTopics> groupTopicsOut(List<OffsetFetchResponseTopics> backingTopics, short version,
                                                                  TenantContext tenant, GroupTopics asked) {
        TenantNamespace namespace = tenant.namespace();
        List<OffsetFetchResponseTopics> topics = new ArrayList<>();
        for (OffsetFetchResponseTopics topic : backingTopics) {
            if (!usesIds(version)) {
                if (namespace.owns(topic.name())) {
                    topics.add(topic.setName(Names.out(namespace, topic.name())));
                }
            } else if (asked.all() ? tenant.ownedTopic(topic.topicId()).isPresent() : asked.forwardedIds().contains(topic.topicId())) {
                topics.add(topic);
            }
        }
        asked.refused().forEach(refused -> topics.add(unknownTopicId(refused)));
        return topics;
    }

    private static OffsetFetchResponseTopics unknownTopicId(OffsetFetchRequestTopics topic) {
        OffsetFetchResponseTopics unknown = new OffsetFetchResponseTopics().setTopicId(topic.topicId());
        for (int partition : topic.partitionIndexes()) {
            unknown.partitions().add(new OffsetFetchResponsePartitions().setPartitionIndex(partition).setCommittedOffset(-1)
                    .setCommittedLeaderEpoch(-1).setMetadata("").setErrorCode(Errors.UNKNOWN_TOPIC_ID.code()));
        }
        return unknown;
    }
}
