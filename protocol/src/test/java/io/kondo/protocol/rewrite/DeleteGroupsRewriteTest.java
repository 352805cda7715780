package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DeleteGroupsResponseData.DeletableGroupResult;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeleteGroupsRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2})
    void groupIdsArePrefixedAndOnlyTheTenantsResultsComeBack(short version) {
        DeleteGroupsRequestData backing = (DeleteGroupsRequestData) exchange.forward(
                new DeleteGroupsRequestData().setGroupsNames(new ArrayList<>(List.of("billing", "audit"))), version);

        assertThat(backing.groupsNames()).containsExactly(PREFIX + "billing", PREFIX + "audit");

        DeleteGroupsResponseData response = new DeleteGroupsResponseData();
        for (String id : List.of(PREFIX + "billing", OTHER_PREFIX + "billing", "__consumer_offsets", PREFIX + "audit")) {
            response.results().add(new DeletableGroupResult().setGroupId(id).setErrorCode(Errors.NONE.code()));
        }
        DeleteGroupsResponseData tenant = (DeleteGroupsResponseData) exchange.respond(response, version);

        assertThat(tenant.results()).extracting(DeletableGroupResult::groupId).containsExactly("billing", "audit");
        assertThat(tenant.results().find("audit")).isNotNull();
    }
}
