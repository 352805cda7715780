package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.Assignment;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.DescribedGroup;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.Member;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.TopicPartitions;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * ConsumerGroupDescribe (KIP-848): group ids in; out, only the tenant's groups, and of each member
 * only the tenant's subscribed and assigned topics, unprefixed, and its regex as the tenant wrote it.
 */
final class ConsumerGroupDescribeRewrite implements ApiRewrite<ConsumerGroupDescribeRequestData, ConsumerGroupDescribeResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.CONSUMER_GROUP_DESCRIBE;
    }

    @Override
    public ResponseRewrite<ConsumerGroupDescribeResponseData> rewriteRequest(ConsumerGroupDescribeRequestData request,
                                                                             short version, TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setGroupIds(new ArrayList<>(request.groupIds().stream().map(id -> Names.in(namespace, id)).toList()));
        return (response, v) -> {
            List<DescribedGroup> own = new ArrayList<>();
            for (DescribedGroup group : response.groups()) {
                if (namespace.owns(group.groupId())) {
                    group.setGroupId(Names.out(namespace, group.groupId()))
                            .setErrorMessage(GroupApis.messageOut(namespace, group.errorMessage()));
                    group.members().forEach(member -> memberOut(namespace, member));
                    own.add(group);
                }
            }
            response.setGroups(own);
        };
    }

    private static void memberOut(TenantNamespace namespace, Member member) {
        member.setSubscribedTopicNames(GroupApis.ownNamesOut(namespace, member.subscribedTopicNames()));
        String regex = member.subscribedTopicRegex();
        if (regex != null && !regex.isEmpty()) {
            member.setSubscribedTopicRegex(ConsumerGroupHeartbeatRewrite.unconfine(namespace, regex).orElse(null));
        }
        assignmentOut(namespace, member.assignment());
        assignmentOut(namespace, member.targetAssignment());
    }

    private static void assignmentOut(TenantNamespace namespace, Assignment assignment) {
        List<TopicPartitions> own = new ArrayList<>();
        for (TopicPartitions topic : assignment.topicPartitions()) {
            if (namespace.owns(topic.topicName())) {
                own.add(topic.setTopicName(Names.out(namespace, topic.topicName())));
            }
        }
        assignment.setTopicPartitions(own);
    }
}
