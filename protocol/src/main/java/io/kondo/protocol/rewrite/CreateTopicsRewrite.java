package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.core.policy.TopicPolicy;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicConfig;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * CreateTopics with the cluster's topic policy applied at the edge: partitions and replication
 * left to the server get the policy's, any other replication factor and manual replica assignments
 * are refused, {@code min.insync.replicas} is the policy's unless the tenant asks for more, configs
 * come from {@link TopicConfigPolicy}, and the topics together must fit the plan's partition limit.
 * Each topic's partitions count against the partition mutation quota (KIP-599). Refused topics
 * are taken out of the request and answered with their error; {@code validateOnly} passes through. Topic ids of created topics are learned.
 */
final class CreateTopicsRewrite implements ApiRewrite<CreateTopicsRequestData, CreateTopicsResponseData> {

    private record Refused(String name, ApiException error) {
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.CREATE_TOPICS;
    }

    @Override
    public ResponseRewrite<CreateTopicsResponseData> rewriteRequest(CreateTopicsRequestData request, short version,
                                                                    TenantContext tenant) {
        List<Refused> refused = new ArrayList<>();
        List<CreatableTopic> accepted = new ArrayList<>();
        for (CreatableTopic topic : Collections.drain(request.topics())) {
            try {
                accepted.add(applyPolicy(topic, tenant));
            } catch (ApiException e) {
                refused.add(new Refused(topic.name(), e));
            }
        }
        try {
            PartitionLimit.check(tenant, accepted.stream().mapToLong(CreatableTopic::numPartitions).sum());
        } catch (PolicyViolationException e) {
            accepted.forEach(topic -> refused.add(new Refused(Names.out(tenant.namespace(), topic.name()), e)));
            accepted.clear();
        }
        for (CreatableTopic topic : accepted) {
            Optional<ThrottlingQuotaExceededException> throttled =
                    request.validateOnly() ? Optional.empty() : MutationQuota.take(tenant, topic.numPartitions());
            if (throttled.isPresent()) {
                refused.add(new Refused(Names.out(tenant.namespace(), topic.name()), throttled.get()));
            } else {
                request.topics().add(topic);
            }
        }
        Map<String, Integer> requested = new HashMap<>();
        request.topics().forEach(t -> requested.put(t.name(), t.numPartitions()));
        boolean validateOnly = request.validateOnly();
        return (response, v) -> rewriteResponse(response, tenant, refused, validateOnly ? Map.of() : requested);
    }

    /** The topic as the backing cluster is to create it (renamed), or the refusal. */
    private static CreatableTopic applyPolicy(CreatableTopic topic, TenantContext tenant) {
        TopicPolicy policy = tenant.topicPolicy();
        String backingName = TopicNames.in(tenant.namespace(), topic.name());
        if (!topic.assignments().isEmpty()) {
            throw new PolicyViolationException("manual replica assignments are not allowed: the cluster places replicas");
        }
        if (topic.numPartitions() == -1) {
            topic.setNumPartitions(policy.defaultPartitions());
        } else if (topic.numPartitions() < 1) {
            throw new InvalidPartitionsException("number of partitions must be at least 1, got " + topic.numPartitions());
        }
        if (topic.replicationFactor() == -1) {
            topic.setReplicationFactor(policy.replicationFactor());
        } else if (topic.replicationFactor() != policy.replicationFactor()) {
            throw new PolicyViolationException("replication factor " + topic.replicationFactor()
                    + " is not allowed: every topic is replicated " + policy.replicationFactor() + " times");
        }
        boolean minInSyncReplicas = false;
        boolean maxMessageBytes = false;
        for (CreatableTopicConfig config : topic.configs()) {
            TopicConfigPolicy.checkSet(config.name(), config.value(), tenant);
            minInSyncReplicas |= config.name().equals(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            maxMessageBytes |= config.name().equals(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        }
        if (!minInSyncReplicas) {
            topic.configs().add(new CreatableTopicConfig().setName(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
                    .setValue(Integer.toString(policy.minInSyncReplicas())));
        }
        if (!maxMessageBytes) {
            // The broker then enforces the plan's record batch limit exactly (the gateway's frame
            // limit only bounds it with headroom).
            topic.configs().add(new CreatableTopicConfig().setName(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
                    .setValue(Integer.toString(tenant.limits().maxMessageBytes())));
        }
        return topic.setName(backingName);
    }

    private static void rewriteResponse(CreateTopicsResponseData response, TenantContext tenant, List<Refused> refused,
                                        Map<String, Integer> created) {
        TenantNamespace namespace = tenant.namespace();
        for (CreatableTopicResult topic : Collections.drain(response.topics())) {
            if (namespace.owns(topic.name())) {
                tenant.topicIds().learn(topic.topicId(), topic.name());
                Integer partitions = created.get(topic.name());
                if (topic.errorCode() == Errors.NONE.code() && partitions != null) {
                    tenant.partitionsCreated(topic.name(), partitions);
                }
                response.topics().add(topic.setName(Names.out(namespace, topic.name()))
                        .setErrorMessage(ForeignNames.message(namespace, topic.errorMessage())));
            }
        }
        for (Refused topic : refused) {
            response.topics().add(new CreatableTopicResult().setName(topic.name())
                    .setErrorCode(Errors.forException(topic.error()).code()).setErrorMessage(topic.error().getMessage()));
        }
    }
}
