package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.DescribeTransactionsRequestData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TopicData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TransactionState;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * DescribeTransactions: transactional ids in; out, only the tenant's transactions, and of each only
 * the tenant's topics, unprefixed.
 */
final class DescribeTransactionsRewrite implements ApiRewrite<DescribeTransactionsRequestData, DescribeTransactionsResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_TRANSACTIONS;
    }

    @Override
    public ResponseRewrite<DescribeTransactionsResponseData> rewriteRequest(DescribeTransactionsRequestData request,
                                                                            short version, TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setTransactionalIds(new ArrayList<>(request.transactionalIds().stream().map(id -> Names.in(namespace, id)).toList()));
        return (response, v) -> {
            List<TransactionState> own = new ArrayList<>();
            for (TransactionState state : response.transactionStates()) {
                if (namespace.owns(state.transactionalId())) {
                    state.setTransactionalId(Names.out(namespace, state.transactionalId()));
                    for (TopicData topic : Collections.drain(state.topics())) {
                        if (namespace.owns(topic.topic())) {
                            state.topics().add(topic.setTopic(Names.out(namespace, topic.topic())));
                        }
                    }
                    own.add(state);
                }
            }
            response.setTransactionStates(own);
        };
    }
}
