package io.kondo.protocol.rewrite;

import io.kondo.protocol.ResponseStream;
import io.kondo.protocol.TenantContext;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * A Fetch response by topic id (v13 to v15) passed to the tenant as it arrives. Nothing in it is
 * renamed: topics are named by id, and these versions carry no broker addresses (v16 adds them at
 * the very end, after the length is sent, which is why the gateway advertises Fetch up to v15).
 * So the tenant's frame is the broker's, byte for byte, except for the throttle time, which is
 * raised in place to the tenant's quota throttle.
 *
 * <p>Every field around the record batches is read and checked as it goes past: the correlation
 * id, the lengths (nothing may run past the frame), and each topic id. A topic the tenant does not
 * own may appear only as an error without records (a topic deleted since the fetch session began);
 * such a topic is held back until all of it is checked, and anything else is refused before any of
 * it is sent. Record batches are handed on as views of the input, never copied.
 *
 * <p>Fields are read a unit at a time (the frame's head, a topic's head, a partition's fields up to
 * its records, and the tagged fields that close each); a unit split between two inputs is kept
 * until it is complete. Only a unit's bytes are kept, never record batches.
 */
final class FetchResponseStream implements ResponseStream {

    private enum State { HEAD, TOPIC, PARTITION, RECORDS, PARTITION_END, TOPIC_END, END, DONE }

    /** How many bytes are first taken from an input to complete a kept unit; doubled while it is still short. */
    private static final int FIRST_GROWTH_BYTES = 64;

    private final TenantContext tenant;
    private final int correlationId;
    private final int frameLength;
    private final int throttleTimeMs;

    private State state = State.HEAD;
    /** Bytes of the frame (after its length prefix) read so far. */
    private int consumed;
    private int topicsLeft;
    private int partitionsLeft;
    private int recordsLeft;
    private boolean topicOwned;
    /** Whether copied bytes are held back: those of a topic the tenant does not own, until all of it is checked. */
    private boolean holding;
    /** The start of a unit split between inputs, in write mode; null when none. */
    private ByteBuffer pending;
    /** Field bytes to hand on before the next shared segment, in write mode; null when none. */
    private ByteBuffer copied;

    /**
     * @param frameLength    the response's length, from its prefix (the prefix itself is not fed in)
     * @param throttleTimeMs the least throttle time the tenant's response carries
     */
    FetchResponseStream(TenantContext tenant, int correlationId, int frameLength, int throttleTimeMs) {
        this.tenant = tenant;
        this.correlationId = correlationId;
        this.frameLength = frameLength;
        this.throttleTimeMs = throttleTimeMs;
        copy(ByteBuffer.allocate(4).putInt(0, frameLength));
    }

    @Override
    public boolean read(ByteBuffer input, Sink sink) {
        while (state != State.DONE) {
            if (state == State.RECORDS) {
                int length = Math.min(input.remaining(), recordsLeft);
                if (length == 0) {
                    break;
                }
                handOnCopied(sink);
                sink.shared(input.position(), length);
                input.position(input.position() + length);
                recordsLeft -= length;
                consumed += length;
                if (recordsLeft == 0) {
                    state = State.PARTITION_END;
                }
            } else if (!input.hasRemaining() || !readUnit(input)) {
                break;
            }
        }
        handOnCopied(sink);
        return state == State.DONE;
    }

    /** Reads the next unit from {@code input}, or keeps what there is of it; false when more input is needed. */
    private boolean readUnit(ByteBuffer input) {
        if (pending == null) {
            int start = input.position();
            try {
                parseUnit(input);
                return true;
            } catch (BufferUnderflowException incomplete) {
                input.position(start);
                keep(input, input.remaining());
                return false;
            }
        }
        while (input.hasRemaining()) {
            int taken = keep(input, Math.max(FIRST_GROWTH_BYTES, pending.position()));
            ByteBuffer unit = pending.duplicate().flip();
            try {
                parseUnit(unit);
            } catch (BufferUnderflowException incomplete) {
                continue;
            }
            // Bytes taken past the unit's end belong to what follows: give them back to the input.
            int unused = unit.remaining();
            if (unused > taken) {
                throw new IllegalStateException("a kept unit parsed short of its earlier bytes");
            }
            input.position(input.position() - unused);
            pending = null;
            return true;
        }
        return false;
    }

    /**
     * Moves up to {@code most} bytes of {@code input}, and none past the frame, to {@link #pending};
     * returns how many.
     */
    private int keep(ByteBuffer input, int most) {
        int kept = pending == null ? 0 : pending.position();
        int length = Math.min(Math.min(most, input.remaining()), frameLength - consumed - kept);
        if (length <= 0) {
            throw invalid("a field runs past the end of the frame");
        }
        if (pending == null || pending.remaining() < length) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(kept + length, 2 * kept));
            if (pending != null) {
                larger.put(pending.flip());
            }
            pending = larger;
        }
        pending.put(input.slice(input.position(), length));
        input.position(input.position() + length);
        return length;
    }

    /**
     * Parses the unit the state expects from {@code unit}'s position. Throws
     * BufferUnderflowException, with nothing changed but the buffer's position, when it is incomplete.
     */
    private void parseUnit(ByteBuffer unit) {
        int start = unit.position();
        switch (state) {
            case HEAD -> {
                if (unit.getInt() != correlationId) {
                    throw invalid("correlation id " + unit.getInt(start) + " where " + correlationId + " was expected");
                }
                skipTaggedFields(unit);
                int throttleAt = unit.position();
                unit.getInt();
                unit.getShort();
                unit.getInt();
                int topics = arrayLength(unit);
                commit(unit, start);
                int upstreamThrottle = unit.getInt(throttleAt);
                if (throttleTimeMs > upstreamThrottle) {
                    copied.putInt(copied.position() - (unit.position() - throttleAt), throttleTimeMs);
                }
                topicsLeft = topics;
                state = topics > 0 ? State.TOPIC : State.END;
            }
            case TOPIC -> {
                Uuid topicId = new Uuid(unit.getLong(), unit.getLong());
                int partitions = arrayLength(unit);
                commit(unit, start);
                topicOwned = tenant.ownedTopic(topicId).isPresent();
                holding = !topicOwned;
                partitionsLeft = partitions;
                state = partitions > 0 ? State.PARTITION : State.TOPIC_END;
            }
            case PARTITION -> {
                unit.getInt();
                short errorCode = unit.getShort();
                skip(unit, 3 * Long.BYTES);
                int abortedTransactions = ByteUtils.readUnsignedVarint(unit) - 1;
                for (int i = 0; i < abortedTransactions; i++) {
                    skip(unit, 2 * Long.BYTES);
                    skipTaggedFields(unit);
                }
                unit.getInt();
                int records = ByteUtils.readUnsignedVarint(unit) - 1;
                if (!topicOwned && !FetchRewrite.foreignPartitionMayPass(errorCode, records)) {
                    throw invalid("the broker sent records of a topic the tenant does not own");
                }
                commit(unit, start);
                if (records > frameLength - consumed) {
                    throw invalid("records of " + records + " bytes run past the end of the frame");
                }
                recordsLeft = Math.max(records, 0);
                state = recordsLeft > 0 ? State.RECORDS : State.PARTITION_END;
            }
            case PARTITION_END -> {
                skipTaggedFields(unit);
                commit(unit, start);
                state = --partitionsLeft > 0 ? State.PARTITION : State.TOPIC_END;
            }
            case TOPIC_END -> {
                skipTaggedFields(unit);
                commit(unit, start);
                holding = false;
                state = --topicsLeft > 0 ? State.TOPIC : State.END;
            }
            case END -> {
                skipTaggedFields(unit);
                commit(unit, start);
                if (consumed != frameLength) {
                    throw invalid((frameLength - consumed) + " unexpected trailing bytes");
                }
                state = State.DONE;
            }
            default -> throw new IllegalStateException("no unit to read in state " + state);
        }
    }

    /** Counts a parsed unit (from {@code start} to the position) as read, and copies it out. */
    private void commit(ByteBuffer unit, int start) {
        int length = unit.position() - start;
        if (length > frameLength - consumed) {
            throw invalid("a field runs past the end of the frame");
        }
        consumed += length;
        copy(unit.slice(start, length));
    }

    private void copy(ByteBuffer bytes) {
        if (copied == null) {
            copied = ByteBuffer.allocate(Math.max(256, bytes.remaining()));
        } else if (copied.remaining() < bytes.remaining()) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(2 * copied.capacity(), copied.position() + bytes.remaining()));
            copied = larger.put(copied.flip());
        }
        copied.put(bytes);
    }

    private void handOnCopied(Sink sink) {
        if (copied != null && !holding) {
            sink.copied(copied.flip());
            copied = null;
        }
    }

    /** A compact array's length; a null array is not valid where this is used. */
    private static int arrayLength(ByteBuffer unit) {
        int length = ByteUtils.readUnsignedVarint(unit) - 1;
        if (length < 0) {
            throw invalid("a null array where one is required");
        }
        return length;
    }

    private static void skipTaggedFields(ByteBuffer unit) {
        int fields = ByteUtils.readUnsignedVarint(unit);
        for (int i = 0; i < fields; i++) {
            ByteUtils.readUnsignedVarint(unit);
            skip(unit, ByteUtils.readUnsignedVarint(unit));
        }
    }

    private static void skip(ByteBuffer unit, int length) {
        if (length < 0) {
            throw invalid("a negative length");
        }
        if (length > unit.remaining()) {
            throw new BufferUnderflowException();
        }
        unit.position(unit.position() + length);
    }

    private static InvalidRequestException invalid(String what) {
        return new InvalidRequestException("malformed Fetch response: " + what);
    }
}
