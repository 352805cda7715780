package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.EncodedFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundFramesTest {

    private final PooledByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private ByteBuf source;
    private ByteBuf out;

    @AfterEach
    void release() {
        if (out != null) {
            out.release();
        }
        if (source != null && source.refCnt() > 0) {
            source.release();
        }
    }

    @Test
    void segmentsInsideTheSourceAreSlicesOfIt() {
        byte[] records = filled(4096, (byte) 7);
        source = allocator.directBuffer(8192).writeZero(100).writeBytes(records).writeZero(50);
        ByteBuffer view = source.nioBuffer().position(100).limit(100 + records.length).slice();
        EncodedFrame frame = frameOf(ByteBuffer.wrap(new byte[] {1, 2, 3}), view, ByteBuffer.wrap(new byte[] {4}));

        out = OutboundFrames.toByteBuf(frame, source, allocator);

        assertThat(source.refCnt()).as("the shared slice holds the source").isEqualTo(2);
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(frame.toByteBuffer().array());
        assertThat(out.isDirect()).isTrue();
        source.release();
        assertThat(source.refCnt()).as("still held by the outbound frame").isEqualTo(1);
        out.release();
        out = null;
        assertThat(source.refCnt()).isZero();
    }

    @Test
    void segmentsFromElsewhereAreCopied() {
        source = allocator.directBuffer(64).writeZero(64);
        ByteBuffer foreign = ByteBuffer.allocateDirect(2048).put(filled(2048, (byte) 9)).flip();
        EncodedFrame frame = frameOf(ByteBuffer.wrap(new byte[] {1}), foreign);

        out = OutboundFrames.toByteBuf(frame, source, allocator);

        assertThat(source.refCnt()).isEqualTo(1);
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(frame.toByteBuffer().array());
        assertThat(out.isDirect()).isTrue();
    }

    private static EncodedFrame frameOf(ByteBuffer... segments) {
        return EncodedFrame.of(segments);
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
