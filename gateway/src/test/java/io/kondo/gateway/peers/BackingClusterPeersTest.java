package io.kondo.gateway.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.gateway.peers.BackingClusterPeers.TenantFigures;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackingClusterPeersTest {

    @Test
    void aReportReadsBackAsWritten() {
        TenantFigures figures = new TenantFigures(1_234.5, 99.0, true, false);
        String line = BackingClusterPeers.encode("lkc-abc123", figures);

        Map<String, TenantFigures> read = BackingClusterPeers.decode((line + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(read).containsExactly(Map.entry("lkc-abc123", figures));
    }

    @Test
    void linesThatDoNotParseAreSkipped() {
        String report = "lkc-abc123 10.0 20.0 false false\n"
                + "garbage\n"
                + "lkc-zzz999 not-a-number 1 false false\n"
                + "\n"
                + "lkc-def456 1 2 true true extra\n";

        Map<String, TenantFigures> read = BackingClusterPeers.decode(report.getBytes(StandardCharsets.UTF_8));

        assertThat(read).containsOnlyKeys("lkc-abc123");
    }
}
