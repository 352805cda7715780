package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.UnknownTopicIdException;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * DeleteTopics by name (to v5) or by name or id (v6 on). Names are mapped in and out; ids the
 * tenant does not own, and names it may not use, are answered with their error without being
 * forwarded. Each topic's partitions count against the partition mutation quota (KIP-599). The ids
 * of deleted topics are forgotten.
 */
final class DeleteTopicsRewrite implements ApiRewrite<DeleteTopicsRequestData, DeleteTopicsResponseData> {

    private record Refused(String name, Uuid id, ApiException error) {
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DELETE_TOPICS;
    }

    @Override
    public ResponseRewrite<DeleteTopicsResponseData> rewriteRequest(DeleteTopicsRequestData request, short version,
                                                                    TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        List<Refused> refused = new ArrayList<>();
        Set<Uuid> forwardedIds = new HashSet<>();
        if (version < 6) {
            List<String> names = new ArrayList<>();
            for (String name : request.topicNames()) {
                try {
                    names.add(counted(TopicNames.in(namespace, name), tenant));
                } catch (ApiException e) {
                    refused.add(new Refused(name, Uuid.ZERO_UUID, e));
                }
            }
            request.setTopicNames(names);
        } else {
            List<DeleteTopicState> topics = new ArrayList<>();
            for (DeleteTopicState topic : request.topics()) {
                try {
                    topics.add(rename(topic, tenant));
                    forwardedIds.add(topic.topicId());
                } catch (ApiException e) {
                    refused.add(new Refused(topic.name(), topic.topicId(), e));
                }
            }
            request.setTopics(topics);
        }
        return (response, v) -> rewriteResponse(response, v, tenant, forwardedIds, refused);
    }

    private static DeleteTopicState rename(DeleteTopicState topic, TenantContext tenant) {
        if (topic.name() != null) {
            if (!Uuid.ZERO_UUID.equals(topic.topicId())) {
                throw new InvalidRequestException("a topic is deleted by its name or by its id, not both");
            }
            return topic.setName(counted(TopicNames.in(tenant.namespace(), topic.name()), tenant));
        }
        Optional<String> owned = tenant.ownedTopic(topic.topicId());
        if (owned.isEmpty()) {
            throw new UnknownTopicIdException("topic id " + topic.topicId() + " is not known");
        }
        counted(owned.get(), tenant);
        return topic;
    }

    /**
     * The topic's partitions count against the partition mutation quota (KIP-599); a topic whose
     * partition count is not known here counts one.
     */
    private static String counted(String backingName, TenantContext tenant) {
        MutationQuota.take(tenant, tenant.partitionCount(backingName).orElse(1)).ifPresent(e -> {
            throw e;
        });
        return backingName;
    }

    private static void rewriteResponse(DeleteTopicsResponseData response, short version, TenantContext tenant,
                                        Set<Uuid> forwardedIds, List<Refused> refused) {
        TenantNamespace namespace = tenant.namespace();
        for (DeletableTopicResult topic : Collections.drain(response.responses())) {
            boolean ours = topic.name() == null ? forwardedIds.contains(topic.topicId()) : namespace.owns(topic.name());
            if (!ours) {
                continue;
            }
            if (topic.errorCode() == Errors.NONE.code()) {
                tenant.topicIds().forget(topic.topicId());
            }
            response.responses().add(topic.setName(Names.out(namespace, topic.name()))
                    .setErrorMessage(ForeignNames.message(namespace, topic.errorMessage())));
        }
        for (Refused topic : refused) {
            DeletableTopicResult result = new DeletableTopicResult().setName(topic.name())
                    .setErrorCode(Errors.forException(topic.error()).code());
            if (version >= 5) {
                result.setErrorMessage(topic.error().getMessage());
            }
            if (version >= 6) {
                result.setTopicId(topic.id());
            }
            response.responses().add(result);
        }
    }
}
