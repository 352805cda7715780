package io.kondo.protocol.rewrite;

import java.util.List;

/** Idempotent and transactional producers: producer ids and transactions. */
final class TransactionApis {

    private TransactionApis() {
    }

    static List<ApiRewrite<?, ?>> all() {
        return List.of();
    }
}
