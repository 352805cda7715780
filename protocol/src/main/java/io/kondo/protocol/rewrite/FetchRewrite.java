package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.ResponseStream;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FetchRequestData.ForgottenTopic;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FetchResponseData.FetchableTopicResponse;
import org.apache.kafka.common.message.FetchResponseData.PartitionData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * Fetch by topic name (to v12) or topic id (v13 to v15). Ids the tenant does not own are taken out
 * of the request and answered UNKNOWN_TOPIC_ID. Only consumers fetch: replica fetches are refused.
 * A fetch asks for no more than the tenant's fetch quota can deliver (as Kafka's broker caps it),
 * or a larger response would be throttled every time and never arrive.
 *
 * <p>Record batches pass through untouched. A response by topic id to a request with nothing
 * refused is the broker's byte for byte but for its throttle time, so it is streamed to the tenant
 * as it arrives ({@link FetchResponseStream}) rather than gathered whole. That is why Fetch stops at
 * v15: v16 only adds the leader's address at the end of the response (KIP-951), which would have to
 * be rewritten after the length is sent; without it a client finds a moved leader in its metadata,
 * as it did before KIP-951.
 *
 * <p>A response may name a topic the tenant does not own only as an error without records (a topic
 * deleted while in a fetch session); a gathered response drops any other such topic, a streamed one
 * is refused (see {@link FetchResponseStream}).
 */
final class FetchRewrite implements ApiRewrite<FetchRequestData, FetchResponseData> {

    /** The last version whose responses name no brokers (v16 adds node endpoints). */
    static final short MAX_VERSION = 15;

    @Override
    public ApiKeys api() {
        return ApiKeys.FETCH;
    }

    @Override
    public short maxVersion() {
        return MAX_VERSION;
    }

    @Override
    public ResponseRewrite<FetchResponseData> rewriteRequest(FetchRequestData request, short version, TenantContext tenant) {
        if (request.replicaId() >= 0 || request.replicaState().replicaId() >= 0) {
            throw new org.apache.kafka.common.errors.ClusterAuthorizationException("replica fetches are not allowed");
        }
        TenantNamespace namespace = tenant.namespace();
        request.setClusterId(null);
        request.setMaxBytes(Math.min(request.maxBytes(), tenant.maxFetchBytes()));
        List<FetchTopic> kept = new ArrayList<>();
        List<FetchTopic> refused = new ArrayList<>();
        for (FetchTopic topic : request.topics()) {
            if (usesIds(version)) {
                (tenant.ownedTopic(topic.topicId()).isPresent() ? kept : refused).add(topic);
            } else {
                kept.add(topic.setTopic(Names.topicIn(namespace, topic.topic())));
            }
        }
        request.setTopics(kept);
        List<ForgottenTopic> forgotten = new ArrayList<>();
        for (ForgottenTopic topic : request.forgottenTopicsData()) {
            if (usesIds(version)) {
                if (tenant.ownedTopic(topic.topicId()).isPresent()) {
                    forgotten.add(topic);
                }
            } else {
                forgotten.add(topic.setTopic(Names.topicIn(namespace, topic.topic())));
            }
        }
        request.setForgottenTopicsData(forgotten);
        return new ResponseRewrite<>() {
            @Override
            public void rewrite(FetchResponseData response, short v) {
                rewriteResponse(response, v, tenant, refused);
            }

            @Override
            public ResponseStream stream(short v, int correlationId, int frameLength, int throttleTimeMs) {
                return usesIds(v) && refused.isEmpty() ? new FetchResponseStream(tenant, correlationId, frameLength, throttleTimeMs) : null;
            }
        };
    }

    private static boolean usesIds(short version) {
        return version >= 13;
    }

    private static void rewriteResponse(FetchResponseData response, short version, TenantContext tenant, List<FetchTopic> refused) {
        TenantNamespace namespace = tenant.namespace();
        if (!usesIds(version)) {
            for (FetchableTopicResponse topic : response.responses()) {
                topic.setTopic(Names.out(namespace, topic.topic()));
            }
        } else {
            response.responses().removeIf(topic -> tenant.ownedTopic(topic.topicId()).isEmpty() && !onlyErrors(topic));
        }
        for (FetchTopic topic : refused) {
            FetchableTopicResponse unknown = new FetchableTopicResponse().setTopicId(topic.topicId()).setTopic(topic.topic());
            for (FetchPartition partition : topic.partitions()) {
                unknown.partitions().add(new PartitionData().setPartitionIndex(partition.partition())
                        .setErrorCode(Errors.UNKNOWN_TOPIC_ID.code()).setHighWatermark(-1).setLastStableOffset(-1)
                        .setLogStartOffset(-1));
            }
            response.responses().add(unknown);
        }
    }

    /** Whether every partition of {@code topic} may reach a tenant that does not own it. */
    private static boolean onlyErrors(FetchableTopicResponse topic) {
        for (PartitionData partition : topic.partitions()) {
            if (!foreignPartitionMayPass(partition.errorCode(), partition.records() == null ? -1 : partition.records().sizeInBytes())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a partition of a topic the tenant does not own may be passed on: only as an error
     * without records (a topic deleted while in a fetch session). {@code recordsBytes} is -1 for none.
     */
    static boolean foreignPartitionMayPass(short errorCode, int recordsBytes) {
        return errorCode != Errors.NONE.code() && recordsBytes <= 0;
    }
}
