package org.coffeecontrol.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemKind;
import org.coffeecontrol.monitoring.api.ProblemListener;
import org.junit.jupiter.api.Test;

class ProblemListenerTest {

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    /** Records what it hears; a second, failing listener must not stop it. */
    private static final class Recorder implements ProblemListener {
        final List<String> heard = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        @Override
        public void opened(Problem problem) {
            heard.add("opened " + problem.code());
            problems.add(problem);
        }

        @Override
        public void closed(Problem problem) {
            heard.add("closed " + problem.code());
            problems.add(problem);
        }
    }

    @Test
    void listenersHearCommittedOpeningsAndClosingsInOrderDespiteAFailingOne() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T10:00:00Z"));
        f.service.problemListeners.add(p -> {
            throw new IllegalStateException("a broken listener");
        });
        Recorder recorder = new Recorder();
        f.service.problemListeners.add(recorder);

        f.send(100, new MachineEvent.ErrorRaised(f.nextSeq(), t("2026-03-02T10:00:00Z"), "E7", "Brewer jammed",
                Severity.CRITICAL));
        assertTrue(recorder.heard.isEmpty(), "not yet past the debounce time");
        f.sweepAt("2026-03-02T10:01:00Z");
        assertEquals(List.of("opened E7"), recorder.heard);
        Problem opened = recorder.problems.get(0);
        assertEquals(ProblemKind.CRITICAL_ERROR, opened.kind());
        assertEquals(100, opened.equipmentId());
        assertEquals(10L, opened.posId());
        assertEquals(1L, opened.clientId());
        assertNull(opened.end());

        f.at("2026-03-02T10:05:00Z");
        f.send(100, new MachineEvent.ErrorCleared(f.nextSeq(), t("2026-03-02T10:05:00Z"), "E7"));
        assertEquals(List.of("opened E7", "closed E7"), recorder.heard);
        Problem closed = recorder.problems.get(1);
        assertEquals(opened.id(), closed.id());
        assertEquals(t("2026-03-02T10:05:00Z"), closed.end());
    }

    @Test
    void aProblemRaisedAndClearedInOneBatchIsReportedClosedOnly() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T10:10:00Z"));
        Recorder recorder = new Recorder();
        f.service.problemListeners.add(recorder);
        f.send(200, new MachineEvent.ErrorRaised(f.nextSeq(), t("2026-03-02T10:00:00Z"), "E1", "Grinder",
                Severity.CRITICAL), new MachineEvent.ErrorCleared(f.nextSeq(), t("2026-03-02T10:02:00Z"), "E1"));
        assertEquals(List.of("closed E1"), recorder.heard);
    }
}
