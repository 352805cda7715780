package io.kondo.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kondo.core.quota.StorageQuota.Decision;
import io.kondo.core.quota.StorageQuota.Event;
import io.kondo.core.quota.StorageQuota.EventKind;
import io.kondo.core.quota.StorageQuota.Policy;
import io.kondo.core.quota.StorageQuota.State;
import io.kondo.core.quota.StorageQuota.Status;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StorageQuotaTest {

    private static final long GIB = 1L << 30;
    private static final long TRICKLE = 1024;
    /** 5 GiB, no expansion: the hard cap is the base. */
    private static final Policy FIXED = new Policy(5 * GIB, 5 * GIB, false, TRICKLE);
    /** 4 GiB base, growing by 1 GiB steps up to 8 GiB. */
    private static final Policy EXPANDING = new Policy(4 * GIB, 8 * GIB, true, TRICKLE);

    private final StorageQuota storage = StorageQuota.DEFAULTS;

    /** Feeds measurements in order, carrying the status; returns the last decision. */
    private Decision run(Policy policy, double... gibs) {
        Status status = Status.initial(policy);
        Decision decision = null;
        for (double gib : gibs) {
            decision = storage.decide(policy, status, gibBytes(gib));
            status = decision.status();
        }
        return decision;
    }

    private static long gibBytes(double gib) {
        return (long) (gib * GIB);
    }

    @Test
    void staysNormalBelowEightyPercent() {
        Decision decision = run(FIXED, 3.9);

        assertThat(decision.state()).isEqualTo(State.NORMAL);
        assertThat(decision.quotaBytes()).isEqualTo(5 * GIB);
        assertThat(decision.produceRateCap()).isEmpty();
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void warnsWhenCrossingEightyPercentOfTheQuota() {
        Decision decision = run(FIXED, 3.0, 4.1);

        assertThat(decision.state()).isEqualTo(State.WARNING);
        assertThat(decision.produceRateCap()).isEmpty();
        assertThat(decision.events()).containsExactly(new Event(EventKind.WARNING, "storage at 82% of 5 GiB"));
    }

    @Test
    void warnsOncePerCrossingNotAtEveryStep() {
        assertThat(run(FIXED, 4.1, 4.3).events()).isEmpty();
        assertThat(run(FIXED, 4.1, 4.3, 4.2).state()).isEqualTo(State.WARNING);
    }

    @Test
    void staysWarnedUntilStorageFallsBelowSeventyFivePercent() {
        Decision hovering = run(FIXED, 4.1, 3.9, 4.05);
        assertThat(hovering.state()).isEqualTo(State.WARNING);
        assertThat(hovering.events()).isEmpty();

        Decision recovered = run(FIXED, 4.1, 3.7);
        assertThat(recovered.state()).isEqualTo(State.NORMAL);
        assertThat(recovered.events()).isEmpty();

        Decision warnedAgain = run(FIXED, 4.1, 3.7, 4.1);
        assertThat(warnedAgain.events()).extracting(Event::kind).containsExactly(EventKind.WARNING);
    }

    @Test
    void throttlesProduceToATrickleOncePastTheHardCap() {
        Decision decision = run(FIXED, 4.1, 5.1);

        assertThat(decision.state()).isEqualTo(State.TRICKLE);
        assertThat(decision.produceRateCap()).isEqualTo(OptionalLong.of(TRICKLE));
        assertThat(decision.events()).containsExactly(new Event(EventKind.TRICKLE_STARTED,
                "produce throttled to a trickle: storage 5.1 GiB is past the hard cap of 5 GiB"));
    }

    @Test
    void keepsTricklingWithoutRepeatingTheEvent() {
        Decision decision = run(FIXED, 5.1, 5.2);

        assertThat(decision.state()).isEqualTo(State.TRICKLE);
        assertThat(decision.produceRateCap()).isEqualTo(OptionalLong.of(TRICKLE));
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void jumpingStraightPastTheCapAnnouncesTheTrickleOnly() {
        assertThat(run(FIXED, 1.0, 6.0).events()).extracting(Event::kind).containsExactly(EventKind.TRICKLE_STARTED);
    }

    @Test
    void liftsTheTrickleOnceStorageIsBackWithinTheCap() {
        Decision decision = run(FIXED, 5.1, 4.5);

        assertThat(decision.state()).isEqualTo(State.WARNING);
        assertThat(decision.produceRateCap()).isEmpty();
        assertThat(decision.events()).containsExactly(new Event(EventKind.TRICKLE_ENDED,
                "produce no longer throttled: storage 4.5 GiB is within the hard cap of 5 GiB"));
    }

    @Test
    void expandsInsteadOfWarningWhenThePlanAllowsIt() {
        Decision decision = run(EXPANDING, 3.3);

        assertThat(decision.state()).isEqualTo(State.EXPANDED);
        assertThat(decision.quotaBytes()).isEqualTo(5 * GIB);
        assertThat(decision.produceRateCap()).isEmpty();
        assertThat(decision.events()).containsExactly(new Event(EventKind.EXPANDED,
                "storage quota expanded from 4 GiB to 5 GiB: storage at 3.3 GiB"));
    }

    @Test
    void expandsByAsManyStepsAsAJumpInStorageNeeds() {
        // 5 GiB needs a quota above 6.25 GiB to be under 80%: three steps of 1 GiB
        assertThat(run(EXPANDING, 5.0).quotaBytes()).isEqualTo(7 * GIB);
    }

    @Test
    void doesNotExpandAgainWhileStorageStaysPut() {
        Decision decision = run(EXPANDING, 3.3, 3.3, 3.9);

        assertThat(decision.quotaBytes()).isEqualTo(5 * GIB);
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void warnsOnceExpansionHasReachedTheHardCap() {
        Decision decision = run(EXPANDING, 5.0, 6.5);

        assertThat(decision.state()).isEqualTo(State.WARNING);
        assertThat(decision.quotaBytes()).isEqualTo(8 * GIB);
        assertThat(decision.events()).extracting(Event::message).containsExactly(
                "storage quota expanded from 7 GiB to 8 GiB: storage at 6.5 GiB", "storage at 81% of 8 GiB");
    }

    @Test
    void tricklesPastTheHardCapEvenWithExpansion() {
        Decision decision = run(EXPANDING, 6.5, 8.5);

        assertThat(decision.state()).isEqualTo(State.TRICKLE);
        assertThat(decision.quotaBytes()).isEqualTo(8 * GIB);
        assertThat(decision.produceRateCap()).isEqualTo(OptionalLong.of(TRICKLE));
    }

    @Test
    void returnsExpandedQuotaWhenStorageFallsBelowSeventyFivePercentOfASmallerStep() {
        Decision partly = run(EXPANDING, 5.0, 3.5);
        assertThat(partly.state()).isEqualTo(State.EXPANDED);
        assertThat(partly.quotaBytes()).isEqualTo(5 * GIB);
        assertThat(partly.events()).containsExactly(new Event(EventKind.CONTRACTED,
                "storage quota returned from 7 GiB to 5 GiB: storage down to 3.5 GiB"));

        Decision fully = run(EXPANDING, 5.0, 3.5, 2.9);
        assertThat(fully.state()).isEqualTo(State.NORMAL);
        assertThat(fully.quotaBytes()).isEqualTo(4 * GIB);
    }

    @Test
    void keepsAnExpansionStepWhileStorageIsBetweenSeventyFiveAndEightyPercentOfTheStepBelow() {
        // expanded to 5 GiB at 3.3 GiB; 3.1 GiB is 77% of 4 GiB: returning the step would re-expand at once
        Decision decision = run(EXPANDING, 3.3, 3.1);

        assertThat(decision.quotaBytes()).isEqualTo(5 * GIB);
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void aPlanWithoutExpansionClampsACarriedExpandedQuotaToItsBase() {
        Decision decision = storage.decide(FIXED, new Status(State.EXPANDED, 7 * GIB), gibBytes(1));

        assertThat(decision.state()).isEqualTo(State.NORMAL);
        assertThat(decision.quotaBytes()).isEqualTo(5 * GIB);
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void refusesAHardCapBelowTheBase() {
        assertThatThrownBy(() -> new Policy(5 * GIB, 4 * GIB, true, TRICKLE)).hasMessageContaining("base <= hard cap");
    }
}
