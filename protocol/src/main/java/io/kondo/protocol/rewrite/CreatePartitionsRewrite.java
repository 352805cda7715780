package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * CreatePartitions: names in and out; manual assignments are refused, and the partitions added
 * across the request must fit the plan's partition limit and count against the partition mutation
 * quota (KIP-599). A topic whose partition count is not
 * known here is forwarded for the backing cluster to answer (it adds nothing to the count).
 */
final class CreatePartitionsRewrite implements ApiRewrite<CreatePartitionsRequestData, CreatePartitionsResponseData> {

    private record Refused(String name, ApiException error) {
    }

    private record Adding(CreatePartitionsTopic topic, int partitions) {
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.CREATE_PARTITIONS;
    }

    @Override
    public ResponseRewrite<CreatePartitionsResponseData> rewriteRequest(CreatePartitionsRequestData request, short version,
                                                                        TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        List<Refused> refused = new ArrayList<>();
        List<CreatePartitionsTopic> accepted = new ArrayList<>();
        List<Adding> adding = new ArrayList<>();
        for (CreatePartitionsTopic topic : Collections.drain(request.topics())) {
            try {
                String backingName = TopicNames.in(namespace, topic.name());
                if (topic.assignments() != null && !topic.assignments().isEmpty()) {
                    throw new PolicyViolationException("manual replica assignments are not allowed: the cluster places replicas");
                }
                adding.add(new Adding(topic.setName(backingName),
                        Math.max(0, topic.count() - tenant.partitionCount(backingName).orElse(topic.count()))));
            } catch (ApiException e) {
                refused.add(new Refused(topic.name(), e));
            }
        }
        try {
            PartitionLimit.check(tenant, adding.stream().mapToLong(Adding::partitions).sum());
        } catch (PolicyViolationException e) {
            adding.forEach(a -> refused.add(new Refused(Names.out(namespace, a.topic().name()), e)));
            adding.clear();
        }
        for (Adding a : adding) {
            Optional<ThrottlingQuotaExceededException> throttled =
                    request.validateOnly() ? Optional.empty() : MutationQuota.take(tenant, a.partitions());
            if (throttled.isPresent()) {
                refused.add(new Refused(Names.out(namespace, a.topic().name()), throttled.get()));
            } else {
                request.topics().add(a.topic());
            }
        }
        Map<String, Integer> requested = new HashMap<>();
        request.topics().forEach(t -> requested.put(t.name(), t.count()));
        Map<String, Integer> created = request.validateOnly() ? Map.of() : requested;
        return (response, v) -> rewriteResponse(response, tenant, refused, created);
    }

    private static void rewriteResponse(CreatePartitionsResponseData response, TenantContext tenant, List<Refused> refused,
                                        Map<String, Integer> created) {
        TenantNamespace namespace = tenant.namespace();
        List<CreatePartitionsTopicResult> results = new ArrayList<>();
        for (CreatePartitionsTopicResult topic : response.results()) {
            if (namespace.owns(topic.name())) {
                Integer count = created.get(topic.name());
                if (topic.errorCode() == Errors.NONE.code() && count != null) {
                    tenant.partitionsCreated(topic.name(), count);
                }
                results.add(topic.setName(Names.out(namespace, topic.name()))
                        .setErrorMessage(ForeignNames.message(namespace, topic.errorMessage())));
            }
        }
        for (Refused topic : refused) {
            results.add(new CreatePartitionsTopicResult().setName(topic.name())
                    .setErrorCode(Errors.forException(topic.error()).code()).setErrorMessage(topic.error().getMessage()));
        }
        response.setResults(results);
    }
}
