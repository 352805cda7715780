package io.kondo.simulator;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/** The messages a run may still send, shared by every producer; unlimited when the plan sets no budget. */
final class MessageBudget {

    private final AtomicLong remaining;

    MessageBudget(OptionalLong budget) {
        this.remaining = budget.isPresent() ? new AtomicLong(budget.getAsLong()) : null;
    }

    /** Takes one message from the budget; false once it is spent. */
    boolean take() {
        if (remaining == null) {
            return true;
        }
        return remaining.getAndUpdate(r -> r > 0 ? r - 1 : 0) > 0;
    }

    boolean spent() {
        return remaining != null && remaining.get() <= 0;
    }
}
