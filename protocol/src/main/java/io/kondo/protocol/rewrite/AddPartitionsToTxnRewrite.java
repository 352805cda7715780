package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopic;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * AddPartitionsToTxn as clients send it (v0-3: one transaction): the transactional id and topic
 * names in; out, only the tenant's topics, unprefixed. Versions 4 and on batch transactions for
 * broker-to-broker verification and are not offered.
 */
final class AddPartitionsToTxnRewrite implements ApiRewrite<AddPartitionsToTxnRequestData, AddPartitionsToTxnResponseData> {

    /** The newest version clients send ({@code AddPartitionsToTxnRequest.Builder.forClient}). */
    private static final short NEWEST_CLIENT_VERSION = 3;

    @Override
    public ApiKeys api() {
        return ApiKeys.ADD_PARTITIONS_TO_TXN;
    }

    @Override
    public short maxVersion() {
        return NEWEST_CLIENT_VERSION;
    }

    @Override
    public ResponseRewrite<AddPartitionsToTxnResponseData> rewriteRequest(AddPartitionsToTxnRequestData request, short version,
                                                                          TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setV3AndBelowTransactionalId(Names.in(namespace, request.v3AndBelowTransactionalId()));
        for (AddPartitionsToTxnTopic topic : Collections.drain(request.v3AndBelowTopics())) {
            request.v3AndBelowTopics().add(topic.setName(Names.topicIn(namespace, topic.name())));
        }
        return (response, v) -> {
            for (AddPartitionsToTxnTopicResult topic : Collections.drain(response.resultsByTopicV3AndBelow())) {
                if (namespace.owns(topic.name())) {
                    response.resultsByTopicV3AndBelow().add(topic.setName(Names.out(namespace, topic.name())));
                }
            }
        };
    }
}
