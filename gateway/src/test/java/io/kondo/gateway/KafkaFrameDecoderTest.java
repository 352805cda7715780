package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaFrameDecoderTest {

    private static byte[] payload(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The frame sizes to try with pieces of {@code pieceBytes}: byte by byte, only the small ones (it is slow). */
    private static int[] frames(int pieceBytes, int... lengths) {
        return pieceBytes > 1 ? lengths : java.util.Arrays.stream(lengths).filter(length -> length <= 1000).toArray();
    }

    /** Writes frames of these sizes back to back, cut into pieces of {@code pieceBytes}, and reads them back. */
    private static void roundTrip(KafkaFrameDecoder decoder, int pieceBytes, int... lengths) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        ByteBuf all = Unpooled.buffer();
        for (int i = 0; i < lengths.length; i++) {
            all.writeInt(lengths[i]).writeBytes(payload(lengths[i], i));
        }
        while (all.isReadable()) {
            channel.writeInbound(all.readRetainedSlice(Math.min(pieceBytes, all.readableBytes())));
        }
        all.release();
        for (int i = 0; i < lengths.length; i++) {
            ByteBuf frame = channel.readInbound();
            assertThat(frame).as("frame %d", i).isNotNull();
            byte[] read = new byte[frame.readableBytes()];
            frame.readBytes(read);
            frame.release();
            assertThat(read).as("frame %d", i).isEqualTo(payload(lengths[i], i));
        }
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 997, 65536, 300_000})
    void framesComeOutWholeHoweverTheBytesArrive(int pieceBytes) {
        roundTrip(new KafkaFrameDecoder(1 << 20), pieceBytes, frames(pieceBytes, 10, 0, 200_000, 70_000, 5));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 997, 65536, 300_000})
    void framesComeOutWholeWhenBuffersAreSizedToThem(int pieceBytes) {
        KafkaFrameDecoder decoder = new KafkaFrameDecoder(1 << 20);
        decoder.sizeBuffersToFrames();
        roundTrip(decoder, pieceBytes, frames(pieceBytes, 10, 0, 200_000, 70_000, KafkaFrameDecoder.SIZED_FROM_BYTES, 5, 1 << 20));
    }

    @Test
    void aFrameOverTheLimitFailsBeforeItsBytesArrive() {
        KafkaFrameDecoder decoder = new KafkaFrameDecoder(1000);
        decoder.sizeBuffersToFrames();
        EmbeddedChannel channel = new EmbeddedChannel(decoder);

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt(1001).writeByte(1)))
                .isInstanceOf(TooLongFrameException.class);
        channel.finishAndReleaseAll();
    }
}
