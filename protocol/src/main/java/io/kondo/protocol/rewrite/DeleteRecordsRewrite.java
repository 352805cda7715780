package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteRecordsRequestData.DeleteRecordsTopic;
import org.apache.kafka.common.message.DeleteRecordsResponseData;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;

/** DeleteRecords: topic names in and out; only the tenant's topics come back. */
final class DeleteRecordsRewrite implements ApiRewrite<DeleteRecordsRequestData, DeleteRecordsResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.DELETE_RECORDS;
    }

    @Override
    public ResponseRewrite<DeleteRecordsResponseData> rewriteRequest(DeleteRecordsRequestData request, short version,
                                                                     TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        for (DeleteRecordsTopic topic : request.topics()) {
            topic.setName(Names.topicIn(namespace, topic.name()));
        }
        return (response, v) -> {
            for (DeleteRecordsTopicResult topic : Collections.drain(response.topics())) {
                if (namespace.owns(topic.name())) {
                    response.topics().add(topic.setName(Names.out(namespace, topic.name())));
                }
            }
        };
    }
}
