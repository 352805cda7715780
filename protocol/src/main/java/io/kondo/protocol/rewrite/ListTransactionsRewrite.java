package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ListTransactionsRequestData;
import org.apache.kafka.common.message.ListTransactionsResponseData;
import org.apache.kafka.common.message.ListTransactionsResponseData.TransactionState;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * ListTransactions: state, producer id and duration filters pass; from v2 the transactional id
 * pattern (RE2J, matched against whole ids) is confined to the tenant's namespace, and no pattern
 * becomes "all of the tenant's", so the broker lists only the tenant's transactions. Whatever comes
 * back, only the tenant's transactions are listed, unprefixed.
 */
final class ListTransactionsRewrite implements ApiRewrite<ListTransactionsRequestData, ListTransactionsResponseData> {

    private static final String ALL = ".*";

    @Override
    public ApiKeys api() {
        return ApiKeys.LIST_TRANSACTIONS;
    }

    @Override
    public ResponseRewrite<ListTransactionsResponseData> rewriteRequest(ListTransactionsRequestData request, short version,
                                                                        TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        if (version >= 2) {
            String pattern = request.transactionalIdPattern();
            request.setTransactionalIdPattern(ConsumerGroupHeartbeatRewrite.confine(namespace,
                    pattern == null || pattern.isEmpty() ? ALL : pattern));
        }
        return (response, v) -> {
            List<TransactionState> own = new ArrayList<>();
            for (TransactionState state : response.transactionStates()) {
                if (namespace.owns(state.transactionalId())) {
                    own.add(state.setTransactionalId(Names.out(namespace, state.transactionalId())));
                }
            }
            response.setTransactionStates(own);
        };
    }
}
