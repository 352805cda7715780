package io.kondo.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void writesBytesInTheLargestBinaryUnitWithAtMostTwoDecimals() {
        assertThat(ByteSize.format(0)).isEqualTo("0 B");
        assertThat(ByteSize.format(1023)).isEqualTo("1023 B");
        assertThat(ByteSize.format(512L << 20)).isEqualTo("512 MiB");
        assertThat(ByteSize.format(5L << 30)).isEqualTo("5 GiB");
        assertThat(ByteSize.format((long) (5.1 * (1L << 30)))).isEqualTo("5.1 GiB");
        assertThat(ByteSize.format((long) (6.25 * (1L << 30)))).isEqualTo("6.25 GiB");
        assertThat(ByteSize.format(Long.MAX_VALUE)).isEqualTo("8 EiB");
    }
}
