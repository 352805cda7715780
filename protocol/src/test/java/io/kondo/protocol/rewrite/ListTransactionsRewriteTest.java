package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ListTransactionsRequestData;
import org.apache.kafka.common.message.ListTransactionsResponseData;
import org.apache.kafka.common.message.ListTransactionsResponseData.TransactionState;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ListTransactionsRewriteTest {

    private static final String CONFINED_HEAD = "\\Q" + PREFIX + "\\E(?:";

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2})
    void filtersPassAndOnlyTheTenantsTransactionsAreListed(short version) {
        ListTransactionsRequestData request = new ListTransactionsRequestData()
                .setStateFilters(new ArrayList<>(List.of("Ongoing"))).setProducerIdFilters(new ArrayList<>(List.of(7L)));
        if (version >= 1) {
            request.setDurationFilter(60_000);
        }

        ListTransactionsRequestData backing = (ListTransactionsRequestData) exchange.forward(request, version);

        assertThat(backing.stateFilters()).containsExactly("Ongoing");
        assertThat(backing.producerIdFilters()).containsExactly(7L);
        assertThat(backing.durationFilter()).isEqualTo(request.durationFilter());

        ListTransactionsResponseData response = new ListTransactionsResponseData();
        for (String id : List.of(PREFIX + "tx-1", OTHER_PREFIX + "tx-1", "__consumer_offsets", PREFIX + "tx-2")) {
            response.transactionStates().add(new TransactionState().setTransactionalId(id).setProducerId(7).setTransactionState("Ongoing"));
        }
        ListTransactionsResponseData tenant = (ListTransactionsResponseData) exchange.respond(response, version);

        assertThat(tenant.transactionStates()).extracting(TransactionState::transactionalId).containsExactly("tx-1", "tx-2");
    }

    @Test
    void aPatternIsConfinedToTheTenantsTransactionalIds() {
        ListTransactionsRequestData backing = (ListTransactionsRequestData) exchange.forward(
                new ListTransactionsRequestData().setTransactionalIdPattern("tx-[0-9]+"), (short) 2);

        assertThat(backing.transactionalIdPattern()).isEqualTo(CONFINED_HEAD + "tx-[0-9]+)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noPatternListsAllOfTheTenantsTransactionsOnly(String pattern) {
        ListTransactionsRequestData backing = (ListTransactionsRequestData) exchange.forward(
                new ListTransactionsRequestData().setTransactionalIdPattern(pattern), (short) 2);

        assertThat(backing.transactionalIdPattern()).isEqualTo(CONFINED_HEAD + ".*)");
    }

    @Test
    void aPatternThatCouldReachOtherTenantsTransactionsIsRefused() {
        ListTransactionsResponseData answer = (ListTransactionsResponseData) exchange.answer(
                new ListTransactionsRequestData().setTransactionalIdPattern("x)|(.*"), (short) 2);

        assertThat(answer.errorCode()).isEqualTo(Errors.INVALID_REGULAR_EXPRESSION.code());
        assertThat(answer.transactionStates()).isEmpty();
    }
}
