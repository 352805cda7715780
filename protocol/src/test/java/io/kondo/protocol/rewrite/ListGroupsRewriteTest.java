package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.ListGroupsResponseData.ListedGroup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListGroupsRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 3, 4, 5})
    void filtersPassAndOnlyTheTenantsGroupsAreListed(short version) {
        ListGroupsRequestData request = new ListGroupsRequestData();
        if (version >= 4) {
            request.setStatesFilter(new ArrayList<>(List.of("Stable")));
        }
        if (version >= 5) {
            request.setTypesFilter(new ArrayList<>(List.of("consumer")));
        }

        ListGroupsRequestData backing = (ListGroupsRequestData) exchange.forward(request, version);

        assertThat(backing.statesFilter()).isEqualTo(request.statesFilter());
        assertThat(backing.typesFilter()).isEqualTo(request.typesFilter());

        ListGroupsResponseData response = new ListGroupsResponseData();
        for (String id : List.of(PREFIX + "billing", OTHER_PREFIX + "billing", "__consumer_offsets", "_kondo-gateway", PREFIX + "audit")) {
            response.groups().add(new ListedGroup().setGroupId(id).setProtocolType("consumer"));
        }
        ListGroupsResponseData tenant = (ListGroupsResponseData) exchange.respond(response, version);

        assertThat(tenant.groups()).extracting(ListedGroup::groupId).containsExactly("billing", "audit");
    }
}
