package io.kondo.protocol.rewrite;

import java.util.List;

/**
 * Idempotent and transactional producers: producer ids and transactions. Transactional ids, group
 * ids and topic names go in prefixed; what comes back is unprefixed, and entries that are not the
 * tenant's are dropped.
 */
final class TransactionApis {

    private TransactionApis() {
    }

    static List<ApiRewrite<?, ?>> all() {
        return List.of(new InitProducerIdRewrite(), new AddPartitionsToTxnRewrite(), new AddOffsetsToTxnRewrite(),
                new EndTxnRewrite(), new DescribeTransactionsRewrite(), new ListTransactionsRewrite());
    }
}
