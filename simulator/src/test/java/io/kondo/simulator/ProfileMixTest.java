package io.kondo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProfileMixTest {

    @Test
    void defaultMixIsTenPercentQuietTwentyPercentBulkAndTheRestMixed() {
        ProfileMix mix = ProfileMix.defaults();
        Map<String, Long> counts = mix.assign(50).stream().collect(Collectors.groupingBy(UsageProfile::name, Collectors.counting()));
        assertThat(counts).containsEntry("quiet", 5L).containsEntry("bulk", 10L).containsEntry("mixed", 35L);
        UsageProfile bulk = mix.profiles().stream().filter(p -> p.name().equals("bulk")).findFirst().orElseThrow();
        assertThat(bulk.size().mean()).isGreaterThan(100 * 1024);
    }

    @Test
    void everyRampStepGetsAboutTheMixsProportions() {
        List<UsageProfile> first10 = ProfileMix.defaults().assign(10);
        Map<String, Long> counts = first10.stream().collect(Collectors.groupingBy(UsageProfile::name, Collectors.counting()));
        assertThat(counts).containsEntry("quiet", 1L).containsEntry("bulk", 2L).containsEntry("mixed", 7L);
    }

    @Test
    void parsesRangesSizesAndDefaults() {
        ProfileMix mix = ProfileMix.parse("""
                profiles:
                  - name: steady
                    share: 100
                    plan: premium
                    rate: {min: 10, max: 20}
                    size: {distribution: lognormal, median: 1KiB, sigma: 0.5, max: 8KiB}
                    partitions: 4
                """, "test.yaml");
        UsageProfile steady = mix.profiles().get(0);
        assertThat(steady.plan()).hasValue("premium");
        assertThat(steady.rate()).isEqualTo(new Span(10, 20));
        assertThat(steady.partitions()).isEqualTo(Span.of(4));
        assertThat(steady.consumers()).isEqualTo(Span.of(1));
        assertThat(steady.size()).isEqualTo(new SizeDistribution.LogNormal(1024, 0.5, SizeDistribution.MIN_BYTES, 8192));
    }

    @Test
    void refusesUnknownKeysWithTheirPath() {
        assertThatThrownBy(() -> ProfileMix.parse("profiles:\n  - {name: a, rate: 1, size: 100, colour: red}\n", "p.yaml"))
                .hasMessageContaining("p.yaml: profiles[0]").hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> ProfileMix.parse("profiles:\n  - {name: a, rate: 1, size: 10}\n", "p.yaml"))
                .hasMessageContaining("size bytes must be between");
        assertThatThrownBy(() -> ProfileMix.parse("profiles:\n  - {name: a, rate: 1, size: 100, partitions: 1000}\n", "p.yaml"))
                .hasMessageContaining("partitions must be between");
        assertThatThrownBy(() -> ProfileMix.parse("tenants: 3\n", "p.yaml")).hasMessageContaining("unknown key 'tenants'");
    }

    @Test
    void tenantSettingsAreDrawnRepeatablyFromTheSeed() {
        UsageProfile mixed = ProfileMix.defaults().profiles().get(2);
        TenantSpec a = TenantSpec.draw(3, mixed, java.util.Optional.empty(), 42);
        TenantSpec b = TenantSpec.draw(3, mixed, java.util.Optional.empty(), 42);
        assertThat(a).isEqualTo(b);
        assertThat(a.shape().rate()).isBetween(5.0, 150.0);
        assertThat(a.partitions()).isBetween(2, 8);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(a.size().draw(random)).isBetween(64, 16 * 1024);
        }
    }

    @Test
    void messageHeaderSurvivesTheRoundTripAndOthersValuesAreNotMistakenForIt() {
        MessageHeader header = new MessageHeader(7, 3, 1, 123_456_789L, 42L);
        byte[] value = header.encode(500, new byte[] {1, 2, 3});
        assertThat(value).hasSize(500);
        assertThat(MessageHeader.decode(value)).hasValue(header);
        assertThat(MessageHeader.decode("hello".getBytes())).isEmpty();
        assertThat(MessageHeader.decode(null)).isEmpty();
        Function<Integer, Integer> size = s -> header.encode(s, new byte[8]).length;
        assertThat(size.apply(1)).isEqualTo(MessageHeader.BYTES);
    }
}
