package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import io.kondo.protocol.TenantContext.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.NodeEndpoint;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * Produce: topic names (or, from v13, ids the tenant owns) and the transactional id in; names and
 * leader hints out. Record batches pass through untouched: no decompression, no re-compression.
 */
final class ProduceRewrite implements ApiRewrite<ProduceRequestData, ProduceResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.PRODUCE;
    }

    @Override
    public ResponseRewrite<ProduceResponseData> rewriteRequest(ProduceRequestData request, short version, TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setTransactionalId(Names.in(namespace, request.transactionalId()));
        List<TopicProduceData> refused = new ArrayList<>();
        for (TopicProduceData topic : Collections.drain(request.topicData())) {
            if (byName(topic)) {
                request.topicData().add(topic.setName(Names.topicIn(namespace, topic.name())));
            } else if (ownedId(topic, tenant)) {
                request.topicData().add(topic);
            } else {
                refused.add(topic);
            }
        }
        return (response, v) -> rewriteResponse(response, tenant, refused);
    }

    /**
     * A produce by topic ids only (v13+), every one the tenant's, and not transactional: nothing to
     * rewrite, which is what a non-transactional client sends from v13 on.
     */
    @Override
    public boolean leavesUnchanged(ProduceRequestData request, short version, TenantContext tenant) {
        if (request.transactionalId() != null) {
            return false;
        }
        for (TopicProduceData topic : request.topicData()) {
            if (byName(topic) || !ownedId(topic, tenant)) {
                return false;
            }
        }
        return true;
    }

    /** A topic named by the client (before v13), renamed into the tenant's namespace on the way in. */
    private static boolean byName(TopicProduceData topic) {
        return topic.name() != null && !topic.name().isEmpty();
    }

    /** A topic given by an id the tenant owns, forwarded as it is; any other id is refused. */
    private static boolean ownedId(TopicProduceData topic, TenantContext tenant) {
        return tenant.ownedTopic(topic.topicId()).isPresent();
    }

    private static void rewriteResponse(ProduceResponseData response, TenantContext tenant, List<TopicProduceData> refused) {
        TenantNamespace namespace = tenant.namespace();
        for (TopicProduceResponse topic : Collections.drain(response.responses())) {
            if (topic.name() != null && !topic.name().isEmpty()) {
                topic.setName(Names.out(namespace, topic.name()));
            }
            response.responses().add(topic);
        }
        for (TopicProduceData topic : refused) {
            TopicProduceResponse unknown = new TopicProduceResponse().setName(topic.name()).setTopicId(topic.topicId());
            for (PartitionProduceData partition : topic.partitionData()) {
                unknown.partitionResponses().add(new PartitionProduceResponse()
                        .setIndex(partition.index()).setErrorCode(Errors.UNKNOWN_TOPIC_ID.code()));
            }
            response.responses().add(unknown);
        }
        for (NodeEndpoint endpoint : Collections.drain(response.nodeEndpoints())) {
            Optional<HostPort> address = Brokers.address(tenant, endpoint.nodeId());
            address.ifPresent(a -> response.nodeEndpoints().add(endpoint.setHost(a.host()).setPort(a.port())));
        }
    }
}
