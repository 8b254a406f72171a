package org.coffeecontrol.itests.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tickets over REST and the shell on the real distribution: the whole field-visit path with the journal and the
 * completeness check that flags it, the refusals (forbidden transition, duplicate external number, cancel without
 * reason, a lost race) that must leave everything as it was, the idempotent monthly audit run and the queue's
 * priority rules.
 */
class TicketsIT {

    static Distribution dist;
    static TicketFixture f;

    @BeforeAll
    static void setUp() throws Exception {
        dist = Distribution.shared();
        f = new TicketFixture(dist, "r" + (System.currentTimeMillis() % 100000));
    }

    static Map<String, Object> ticket(long posId, Long equipmentId, String external, String reason) {
        Map<String, Object> m = new HashMap<>();
        m.put("posId", posId);
        m.put("equipmentId", equipmentId);
        m.put("source", external == null ? "MANUAL" : "INTRASERVICE");
        m.put("externalNumber", external);
        m.put("reason", reason);
        m.put("applicant", "Shop manager");
        return m;
    }

    @Test
    void operatorEscalatesAdminDispatchesMechanicCompletesAndTheJournalShowsIt() throws Exception {
        Rest op1 = f.as(dist, "op1");
        Rest sadmin = f.as(dist, "sadmin");
        Rest near = f.as(dist, "near");
        JsonNode t = op1.post("/api/tickets", ticket(f.posId, f.equipmentId, null, "Grinder blocked")).expect(201).json();
        long id = t.path("id").asLong();
        String number = t.path("number").asText();
        assertTrue(f.as(dist, "op1").get("/api/tickets/queue").expect(200).body().contains(number));

        JsonNode taken = op1.post("/api/tickets/" + id + "/take", Map.of("version", t.path("version").asLong()))
                .expect(200).json();
        JsonNode escalated = op1.post("/api/tickets/" + id + "/escalate", Map.of("version",
                taken.path("version").asLong(), "text", "needs a new burr set")).expect(200).json();
        assertTrue(escalated.path("fieldVisit").asBoolean());

        JsonNode advice = sadmin.get("/api/tickets/" + id + "/dispatch").expect(200).json();
        assertEquals("INTRASERVICE", advice.path("route").asText());
        assertEquals("Service LLC", advice.path("organisation").asText());
        assertEquals(f.user("far"), advice.path("posMechanic").asText());
        // Another test class may have left a mechanic at the same spot: any free one nearest to the POS will do.
        double nearest = Double.MAX_VALUE;
        double suggestedKm = Double.NaN;
        for (JsonNode c : advice.path("candidates")) {
            if (c.path("free").asBoolean() && c.hasNonNull("distanceKm")) {
                nearest = Math.min(nearest, c.path("distanceKm").asDouble());
            }
            if (c.path("username").asText().equals(advice.path("suggested").asText())) {
                suggestedKm = c.path("distanceKm").asDouble();
            }
        }
        assertEquals(nearest, suggestedKm, 1e-9, advice.toString());
        assertTrue(advice.toString().contains("\"username\":\"" + f.user("near") + "\""), advice.toString());
        String shellAdvice = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:ticket-dispatch " + number).out();
        assertTrue(shellAdvice.contains("route INTRASERVICE") && shellAdvice.contains(f.user("near"))
                && shellAdvice.contains("suggested " + advice.path("suggested").asText()), shellAdvice);

        JsonNode assigned = sadmin.post("/api/tickets/" + id + "/assign", Map.of("executor", f.user("near"),
                "version", escalated.path("version").asLong())).expect(200).json();
        JsonNode started = near.post("/api/tickets/" + id + "/transition", Map.of("state", "IN_PROGRESS",
                "version", assigned.path("version").asLong())).expect(200).json();
        JsonNode lined = near.put("/api/tickets/" + id + "/lines", Map.of("version", started.path("version").asLong(),
                "lines", List.of(Map.of("kind", "PART", "article", "BURR-64", "description", "Burr set",
                        "quantity", 1, "serialNumber", "SN-77", "warranty", true)))).expect(200).json();
        assertEquals(1, lined.path("lineCount").asInt());
        near.post("/api/tickets/" + id + "/transition", Map.of("state", "DONE", "version",
                lined.path("version").asLong())).expect(200);
        JsonNode done = near.get("/api/tickets/" + id).expect(200).json();
        sadmin.post("/api/tickets/" + id + "/transition", Map.of("state", "CLOSED", "version",
                done.path("version").asLong())).expect(200);

        List<String> actions = new ArrayList<>();
        sadmin.get("/api/tickets/" + id + "/history").expect(200).json().forEach(h -> actions.add(h.path("action").asText()));
        assertEquals(List.of("CREATED", "TAKEN", "ESCALATED", "ASSIGNED", "TRANSITION", "LINES", "TRANSITION",
                "TRANSITION"), actions);
        // TKT-8: every step is in the event journal of the POS, under the ticket's number
        JsonNode journal = f.admin.get("/api/monitoring/journal?posId=" + f.posId + "&limit=100").expect(200).json();
        long steps = 0;
        for (JsonNode e : journal.path("items")) {
            steps += number.equals(e.path("ticketNumber").asText()) ? 1 : 0;
        }
        assertEquals(8, steps, journal.toString());

        // the engineer's view of the world is his own tickets; the shell shows the same ticket
        assertTrue(near.get("/api/tickets").expect(200).body().contains(number));
        assertTrue(!f.as(dist, "far").get("/api/tickets").expect(200).body().contains(number));
        f.as(dist, "far").get("/api/tickets/" + id).expect(404);

        // TKT-7: the closed field visit carries no file, no signature and no result; the completeness check, run on
        // demand, flags it and sends the list back to its executor (a note), and CLOSED stays final
        JsonNode run = sadmin.post("/api/tickets/completeness/runs", null).expect(200).json();
        JsonNode finding = null;
        for (JsonNode x : sadmin.get("/api/tickets/completeness/runs/" + run.path("id").asLong() + "/findings")
                .expect(200).json()) {
            finding = number.equals(x.path("ticketNumber").asText()) ? x : finding;
        }
        assertTrue(finding != null, "no finding for " + number + " in run " + run);
        List<String> missing = new ArrayList<>();
        finding.path("missing").forEach(m -> missing.add(m.asText()));
        assertTrue(missing.containsAll(List.of("attached files", "signature", "result")), missing.toString());
        assertTrue(!missing.contains("lines of works and parts") && !missing.contains("equipment"), missing.toString());
        assertEquals(f.user("near"), finding.path("executor").asText());
        assertTrue(finding.path("sentBack").asBoolean(), finding.toString());
        assertEquals("CLOSED", sadmin.get("/api/tickets/" + id).expect(200).json().path("state").asText());
        assertTrue(sadmin.get("/api/tickets/" + id + "/history").expect(200).body().contains("attached files"));
    }

    @Test
    void badInputGetsClearErrorsAndNothingIsLost() {
        Rest op1 = f.as(dist, "op1");
        Rest op2 = f.as(dist, "op2");
        String ext = "IS-" + f.suffix;
        JsonNode t = op1.post("/api/tickets", ticket(f.posId, null, ext, "No coffee")).expect(201).json();
        long id = t.path("id").asLong();
        long version = t.path("version").asLong();

        Rest.Response dup = op1.post("/api/tickets", ticket(f.posId, null, ext, "No coffee again"));
        assertEquals(409, dup.status(), dup.body());
        assertTrue(dup.body().contains(ext), dup.body());
        assertEquals(1, op1.get("/api/tickets?text=" + ext).expect(200).json().path("total").asInt());

        Rest.Response skip = op1.post("/api/tickets/" + id + "/transition", Map.of("state", "DONE", "version", version));
        assertEquals(409, skip.status(), skip.body());
        assertTrue(skip.body().contains("cannot move to DONE"), skip.body());

        Rest.Response noReason = op1.post("/api/tickets/" + id + "/transition", Map.of("state", "CANCELLED",
                "version", version));
        assertEquals(400, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("reason"), noReason.body());

        Rest.Response unknownPos = op1.post("/api/tickets", ticket(f.otherPosId + 100000, null, null, "x"));
        assertEquals(404, unknownPos.status(), unknownPos.body());
        Rest.Response foreign = f.as(dist, "client").get("/api/tickets/" + id);
        assertEquals(404, foreign.status(), foreign.body());

        // two operators take the same ticket: the second learns who was first
        op1.post("/api/tickets/" + id + "/take", Map.of("version", version)).expect(200);
        Rest.Response race = op2.post("/api/tickets/" + id + "/take", Map.of("version", version));
        assertEquals(409, race.status(), race.body());
        assertTrue(race.body().contains("already taken by " + f.user("op1")), race.body());

        JsonNode after = op1.get("/api/tickets/" + id).expect(200).json();
        assertEquals("IN_PROGRESS", after.path("state").asText());
        assertEquals(f.user("op1"), after.path("handledBy").asText());
        assertEquals("No coffee", after.path("reason").asText());
        // the operator closes it remotely with a result
        op1.post("/api/tickets/" + id + "/resolve", Map.of("version", after.path("version").asLong(), "text",
                "reset the grinder over SSH")).expect(200);
        assertEquals("CLOSED", op1.get("/api/tickets/" + id).expect(200).json().path("state").asText());
    }

    @Test
    void monthlyAuditRunCreatesOneSetPerSlaAndIsIdempotent() throws Exception {
        Rest sadmin = f.as(dist, "sadmin");
        Map<String, Object> body = Map.of("month", "2031-02", "clientId", f.clientId);
        JsonNode preview = sadmin.post("/api/tickets/audits/preview", body).expect(200).json();
        assertEquals(2, preview.path("toCreate").asInt(), preview.toString()); // SLA B = 2 visits
        JsonNode run = sadmin.post("/api/tickets/audits/run", body).expect(200).json();
        assertEquals(2, run.path("created").asInt());
        JsonNode again = sadmin.post("/api/tickets/audits/run", body).expect(200).json();
        assertEquals(0, again.path("created").asInt());
        assertEquals(2, again.path("skipped").asInt());
        JsonNode audits = sadmin.get("/api/tickets?source=AUDIT&posId=" + f.posId).expect(200).json();
        assertEquals(2, audits.path("total").asInt());
        audits.path("items").forEach(a -> {
            assertEquals("ASSIGNED", a.path("state").asText());
            assertEquals(f.user("near"), a.path("executor").asText());
        });
        assertEquals(403, f.as(dist, "op1").post("/api/tickets/audits/run", body).status());

        String shell = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:audit-plan --month 2031-02 --client "
                + f.clientId).out();
        assertTrue(shell.contains("0 to create"), shell);
        String list = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:tickets --text AUDIT-" + f.posId).out();
        assertTrue(list.contains("AUDIT"), list);

        // the managers' queue priorities over the shell: added, listed, removed again (the queue is shared)
        String rule = "it-rule-" + f.suffix;
        String added = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:ticket-priorities --add " + rule
                + " --points 7 --client " + f.clientId).out();
        assertTrue(added.contains(rule + " (7 points)"), added);
        long ruleId = Long.parseLong(added.replaceAll("(?s).*Rule (\\d+) added.*", "$1"));
        assertTrue(f.as(dist, "op1").get("/api/tickets/priority-rules").expect(200).body().contains(rule));
        String removed = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:ticket-priorities --delete "
                + ruleId).out();
        assertTrue(removed.contains("Rule " + ruleId + " removed") && !removed.contains(rule), removed);
    }
}
