package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData.TxnOffsetCommitResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * TxnOffsetCommit: the transactional id, the group id and topic names in; out, only the tenant's
 * topics, unprefixed.
 */
final class TxnOffsetCommitRewrite implements ApiRewrite<TxnOffsetCommitRequestData, TxnOffsetCommitResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.TXN_OFFSET_COMMIT;
    }

    @Override
    public ResponseRewrite<TxnOffsetCommitResponseData> rewriteRequest(TxnOffsetCommitRequestData request, short version,
                                                                       TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setTransactionalId(Names.in(namespace, request.transactionalId()));
        request.setGroupId(Names.in(namespace, request.groupId()));
        for (TxnOffsetCommitRequestTopic topic : request.topics()) {
            topic.setName(Names.topicIn(namespace, topic.name()));
        }
        return (response, v) -> {
            List<TxnOffsetCommitResponseTopic> own = new ArrayList<>();
            for (TxnOffsetCommitResponseTopic topic : response.topics()) {
                if (namespace.owns(topic.name())) {
                    own.add(topic.setName(Names.out(namespace, topic.name())));
                }
            }
            response.setTopics(own);
        };
    }
}
