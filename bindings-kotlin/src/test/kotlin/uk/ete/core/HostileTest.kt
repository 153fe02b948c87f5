package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTimeoutPreemptively
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong
import kotlin.random.Random

/**
 * A hostile caller: values at and beyond the edges of what core accepts, bad JSON at every door,
 * and eight threads on every stateful object. Every failure must be an `EteException` subclass,
 * never `InternalException`, another exception, a crash or a hang.
 */
class HostileTest {
    private val day1 = Instant.parse("2026-11-02T09:00:00Z")
    private val start = Instant.parse("2026-11-24T09:00:00Z")
    private val end = Instant.parse("2026-11-24T11:00:00Z")
    private val after = end.plusSeconds(300)
    private val date = LocalDate.of(2026, 11, 2)
    private val tutor = Actor(Role.PROVIDER, "TUTOR-3")
    private val school = Actor(Role.SCHOOL, "SCH-OFFICE")
    private val hub = Organisation("hub", "CAP")
    private val schoolOrg = Organisation("school", "SCH-1")

    private val badInstants = listOf(Instant.MAX, Instant.MIN, Instant.parse("+300000-01-01T00:00:00Z"))
    private val badDates = listOf(LocalDate.MAX, LocalDate.MIN)

    private fun register(vararg learners: String) = Register(Lesson("L-1", "PRV-1", start, end), learners.toList())
    private fun file(to: Organisation?) = TransferFile("note.pdf", to, "dsl", "CFC JN", "safeguarding_concern")
    private fun requirement() = Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, 2400, date))
    private fun decision(date: LocalDate = this.date, actual: Long = 60, credited: Long = 60) = CreditDecision(
        0, "P-1", "Budgeting", date, actual, 60, 72, credited, CreditReason.WITHIN_GUIDED_TIME, null, false, null,
    )

    /** [call] throws `EteException.InvalidField` whose detail names the accepted range. */
    private fun assertOutOfRange(what: String, call: () -> Unit) {
        val e = assertThrows<EteException.InvalidField>(what) { call() }
        assertTrue(e.detail.contains("+262142-12-31"), "$what: ${e.detail}")
    }

    /** [call] returns, or throws an `EteException`; never `InternalException` or anything else. */
    private fun assertEteOrOk(what: String, call: () -> Unit) {
        try {
            call()
        } catch (e: EteException) {
            // refused
        } catch (e: Throwable) {
            fail<Unit>("$what: expected a result or an EteException, got $e")
        }
    }

    /** [call] throws an `EteException` (any kind), not `InternalException` or anything else. */
    private fun assertEte(what: String, call: () -> Unit): EteException {
        try {
            call()
        } catch (e: EteException) {
            return e
        } catch (e: Throwable) {
            fail<Unit>("$what: expected an EteException, got $e")
        }
        fail<Unit>("$what: expected an EteException, nothing was thrown")
        throw IllegalStateException("unreachable")
    }

    @Test
    fun `an instant out of range is InvalidField from every function that takes one`() {
        val policy = RoutingPolicy()
        val plan = planTransfer(policy, hub, "CAP-7", listOf(file(schoolOrg)))
        for (bad in badInstants) {
            val pool = LicencePool("Wales", 1u, day1)
            val r = register("LRN-1")
            val notes = RecordNotes("LRN-1")
            val exchange = Exchange(policy)
            val sent = exchange.confirm(plan, day1).single()
            assertOutOfRange("LicencePool($bad)") { LicencePool("Wales", 1u, bad) }
            assertOutOfRange("execute($bad)") { pool.execute("c1", "A", bad, Action.Login("P-1")) }
            assertOutOfRange("dormantLogins($bad)") { pool.dormantLogins(bad) }
            assertOutOfRange("utilisation($bad)") { pool.utilisation(bad) }
            assertOutOfRange("Lesson starts $bad") { Register(Lesson("L-1", "PRV-1", bad, end), listOf("LRN-1")) }
            assertOutOfRange("Lesson ends $bad") { Register(Lesson("L-1", "PRV-1", start, bad), listOf("LRN-1")) }
            assertOutOfRange("check($bad)") { r.check(tutor, "LRN-1", Mark.PRESENT, bad) }
            assertOutOfRange("mark($bad)") { r.mark(tutor, "LRN-1", Mark.PRESENT, bad) }
            assertOutOfRange("addNote($bad)") { r.addNote(tutor, "LRN-1", "late bus", bad) }
            assertOutOfRange("setContribution($bad)") { r.setContribution(tutor, "LRN-1", Contribution(1), bad) }
            assertOutOfRange("RecordNotes.add($bad)") { notes.add(tutor, "called home", bad) }
            assertOutOfRange("summarise($bad)") { summarise(listOf(r), bad) }
            assertOutOfRange("MarkReason.code($bad)") { MarkReason.LessonNotFinished(bad).code() }
            assertOutOfRange("MarkReason.text($bad)") { MarkReason.LessonNotFinished(bad).text() }
            assertOutOfRange("confirm($bad)") { exchange.confirm(plan, bad) }
            assertOutOfRange("download($bad)") { exchange.download(sent, "SCH-1", "T-9", bad) }
            assertOutOfRange("downloadAll($bad)") { exchange.downloadAll("SCH-1", "T-9", bad) }
            assertOutOfRange("Completion($bad)") { creditBatch(listOf(portalCompletion("P-1", "Budgeting", bad, "Completed", 30, 60))) }
            assertOutOfRange("practitionerNotifications($bad)") { practitionerNotifications(listOf(), listOf(), mapOf(), bad) }
            // Nothing changed.
            assertEquals(1uL, pool.eventCount())
            assertTrue(r.events().isEmpty() && r.notes().isEmpty())
            assertTrue(notes.notes(listOf()).isEmpty())
            assertEquals(1, exchange.events().size)
        }
        val e = assertThrows<EteException.InvalidField> { LicencePool("Wales", 1u, Instant.MAX) }
        assertTrue(e.detail.contains("about the year 1000000001") && e.detail.contains("-262143-01-01T00:00:00Z"), e.detail)
    }

    @Test
    fun `a date out of range is InvalidField from every function that takes one`() {
        for (bad in badDates) {
            val sessions = AccessSessions("Wales")
            sessions.schedule("S-1", "Cardiff hub", date, "SUP-1", 2u, 2u)
            sessions.book("S-1", "P-1")
            val pool = LicencePool("Wales", 1u, day1)
            val req = requirement()
            val c = portalCompletion("P-1", "Budgeting", day1, "Completed", 30, 60)
            assertOutOfRange("schedule($bad)") { sessions.schedule("S-2", "Cardiff hub", bad, "SUP-1", 2u, 2u) }
            assertOutOfRange("lend on $bad") { sessions.lend("S-1", "P-1", "LT-01", bad, date) }
            assertOutOfRange("lend until $bad") { sessions.lend("S-1", "P-1", "LT-01", date, bad) }
            assertOutOfRange("returnLaptop($bad)") { sessions.returnLaptop("LT-01", bad) }
            assertOutOfRange("overdue($bad)") { sessions.overdue(bad) }
            assertOutOfRange("Requirement($bad)") { Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, 2400, bad)) }
            assertOutOfRange("status($bad)") { req.status(bad) }
            val entry = LedgerEntry(nextEntryId(), bad, "SUP-1", LedgerEventKind.WorkAppointment(60, AppointmentOutcome.ATTENDED))
            assertOutOfRange("record($bad)") { req.record(entry) }
            assertOutOfRange("recordAll($bad)") { req.recordAll(listOf(entry)) }
            assertOutOfRange("checkReferral assessed $bad") { checkReferral(bad, date) }
            assertOutOfRange("checkReferral referral $bad") { checkReferral(date, bad) }
            assertOutOfRange("completionReport($bad)") { completionReport(listOf(), listOf(), mapOf(), bad, date, Grouping.PRACTITIONER) }
            assertOutOfRange("summarise from $bad") { summarise(listOf(), day1, from = bad) }
            assertOutOfRange("contributionSummary to $bad") { contributionSummary(listOf(), "LRN-1", to = bad) }
            assertOutOfRange("Request ends $bad") { pool.execute("c1", "A", day1, Action.Request("P-1", AccountKind.LEARNER, bad, listOf("A"))) }
            assertOutOfRange("EventKind.code($bad)") { EventKind.Requested("P-1", AccountKind.LEARNER, bad, listOf()).code() }
            assertOutOfRange("Completion born $bad") { creditBatch(listOf(portalCompletion("P-1", "Budgeting", day1, "Completed", 30, 60, dateOfBirth = bad))) }
            val agreement = ExtraTimeAgreement("P-1", "PR-1", bad, AgreementCategory.OTHER, null)
            assertOutOfRange("creditBatch agreed $bad") { creditBatch(listOf(c), agreements = listOf(agreement)) }
            assertOutOfRange("ndeliusEvidenceCsv($bad)") { ndeliusEvidenceCsv(listOf(decision(bad))) }
            assertOutOfRange("certificate($bad)") { certificate(c, decision(bad), "en") }
            assertOutOfRange("recordCredits($bad)") { recordCredits(listOf(req), listOf(decision(bad)), "CA-1") }
            // Nothing changed.
            assertEquals(0uL, sessions.laptopsOut())
            assertEquals(1uL, sessions.sessionCount())
            assertEquals(1uL, pool.eventCount())
            assertEquals(0uL, req.entryCount())
        }
        val e = assertThrows<EteException.InvalidField> { checkReferral(LocalDate.MAX, date) }
        assertTrue(e.detail.contains("+999999999-12-31") && e.detail.contains("-262143-01-01"), e.detail)
    }

    @Test
    fun `instants before 1970 and at the edges of the range round-trip exactly`() {
        val instants = listOf(
            "1969-12-31T23:59:59.500Z", "1969-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.000000001Z",
            "1969-12-31T23:59:58.250Z", "1900-06-15T12:00:00.123456789Z", "1970-01-01T00:00:00Z",
            "1970-01-01T00:00:00.000000001Z", "-262143-01-01T00:00:00Z", "+262142-12-31T23:59:59.999999999Z",
        ).map(Instant::parse)
        for (t in instants) {
            assertEquals(t, LicencePool("Wales", 1u, t).events().single().at, "opened at $t")
            val (from, to) = if (t.isAfter(Instant.EPOCH)) t.minusSeconds(3600) to t else t to t.plusSeconds(3600)
            val lesson = Register(Lesson("L-1", "PRV-1", from, to), listOf("LRN-1")).lesson()
            assertEquals(from to to, lesson.startsAt to lesson.endsAt, "lesson at $t")
            assertEquals(t, LicencePool.replay(LicencePool("Wales", 1u, t).eventsJson()).events().single().at, "replayed $t")
        }
        val pool = LicencePool("Wales", 1u, day1)
        for ((i, d) in listOf(LocalDate.of(262142, 12, 31), LocalDate.of(-262143, 1, 1), LocalDate.of(10000, 1, 1), LocalDate.of(0, 1, 1), LocalDate.of(-1, 12, 31)).withIndex()) {
            pool.execute("c$i", "A", day1, Action.Request("P-$i", AccountKind.STAFF, d, listOf()))
            assertEquals(d, pool.account("P-$i")?.requirementEnd, "requirement ends $d")
        }
        assertEquals(pool.toJson(), LicencePool.restore(pool.toJson(), pool.eventsJson()).toJson())
    }

    @Test
    fun `a huge learner index or count is InvalidField, not an allocation`() {
        assertThrows<EteException.InvalidField> { attendanceByLearner(longArrayOf(900000123), byteArrayOf(0)) }
        assertThrows<EteException.InvalidField> { attendanceByLearner(longArrayOf(0), byteArrayOf(0), learners = Int.MAX_VALUE) }
        assertThrows<EteException.InvalidField> { attendanceByLearner(longArrayOf(0), byteArrayOf(0), learners = -1) }
        assertThrows<EteException.InvalidField> { attendanceByLearner(longArrayOf(Long.MAX_VALUE), byteArrayOf(0)) }
        assertThrows<EteException.InvalidField> { attendanceByLearner(longArrayOf(Long.MIN_VALUE), byteArrayOf(0)) }
        assertThrows<EteException.InvalidField> { attendanceByLearner(longArrayOf(-1), byteArrayOf(0)) }
        assertThrows<EteException.InvalidField> { attendanceByLearner(longArrayOf(0, 1), byteArrayOf(0)) }
        assertThrows<EteException.InvalidField> { attendanceByLearnerPacked(ByteArray(7), ByteArray(0), null) }
        assertThrows<EteException.InvalidField> { attendanceByLearnerPacked(ByteArray(8), ByteArray(1), ULong.MAX_VALUE) }
        // Behaviour kept: null is the largest index + 1, an explicit count may be larger.
        assertEquals(3, attendanceByLearner(longArrayOf(2, 0), byteArrayOf(0, -1)).size)
        assertEquals(5, attendanceByLearner(longArrayOf(2, 0), byteArrayOf(0, -1), learners = 5).size)
        assertEquals(0, attendanceByLearner(LongArray(0), ByteArray(0)).size)
    }

    @Test
    fun `credit reasons come from core's list, each reason once`() {
        val reasons = creditReasons()
        assertEquals(CreditReason.entries.toSet(), reasons.toSet())
        assertEquals(reasons.size, reasons.toSet().size)
        val out = creditColumns(longArrayOf(90, 150, 150, 10), longArrayOf(120, 120, 120, 60), booleanArrayOf(true, true, true, false))
        assertEquals(
            listOf("within_guided_time", "capped_at_guided_time", "capped_at_guided_time", "failed"),
            (0 until out.size).map { out.reason(it).code() },
        )
    }

    @Test
    fun `minutes below zero or beyond the maximum are an EteException at every door`() {
        val hostile = listOf(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, Long.MAX_VALUE, Long.MAX_VALUE / 60, 1L shl 53, 1L shl 62)
        for (v in hostile) {
            assertThrows<EteException.InvalidMinutes>("formatMinutes($v)") { formatMinutes(v) }
            assertThrows<EteException.InvalidMinutes>("asHoursAndMinutes($v)") { v.asHoursAndMinutes() }
            assertThrows<EteException.InvalidMinutes>("applyRatio($v)") { applyRatio(v, 1, 2, Rounding.FLOOR) }
            assertThrows<EteException.InvalidMinutes>("allowanceCap($v)") { allowanceCap(v) }
            assertThrows<EteException.InvalidMinutes>("Requirement($v)") { Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, v, date)) }
            assertThrows<EteException.InvalidMinutes>("eteFit($v)") { requirement().eteFit(v) }
            assertThrows<EteException.InvalidMinutes>("WorkAppointment($v)") {
                requirement().record(LedgerEntry(nextEntryId(), date, "SUP-1", LedgerEventKind.WorkAppointment(v, AppointmentOutcome.ATTENDED)))
            }
            assertThrows<EteException.InvalidMinutes>("EteCredit($v)") {
                requirement().record(LedgerEntry(nextEntryId(), date, "CA-1", LedgerEventKind.EteCredit(v, "Budgeting")))
            }
            assertThrows<EteException.InvalidMinutes>("Completion actual $v") { creditBatch(listOf(portalCompletion("P-1", "B", day1, "Completed", v, 60))) }
            assertThrows<EteException.InvalidMinutes>("Completion guided $v") { creditBatch(listOf(portalCompletion("P-1", "B", day1, "Completed", 60, v))) }
            assertThrows<EteException.InvalidMinutes>("Course($v)") { checkedCourse(Course("C-1", "Budgeting", "PRV-1", "online", listOf("en"), v)) }
            assertThrows<EteException.InvalidMinutes>("deliveryAgainstTarget($v, _)") { deliveryAgainstTarget(v, 60, 100u) }
            assertThrows<EteException.InvalidMinutes>("deliveryAgainstTarget(_, $v)") { deliveryAgainstTarget(60, v, 100u) }
            assertThrows<EteException.InvalidMinutes>("creditColumns actual $v") { creditColumns(longArrayOf(v), longArrayOf(60), booleanArrayOf(true)) }
            assertThrows<EteException.InvalidMinutes>("creditColumns guided $v") { creditColumns(longArrayOf(60), longArrayOf(v), booleanArrayOf(true)) }
            assertThrows<EteException.InvalidMinutes>("eteTotals minutes $v") { eteTotals(longArrayOf(0), longArrayOf(v), longArrayOf(6000)) }
            assertThrows<EteException.InvalidMinutes>("eteTotals required $v") { eteTotals(longArrayOf(0), longArrayOf(60), longArrayOf(v)) }
            assertThrows<EteException.InvalidField>("eteTotals index $v") { eteTotals(longArrayOf(v), longArrayOf(60), longArrayOf(6000)) }
            if (v !in -2L..2L) {
                assertThrows<EteException.InvalidContribution>("Contribution($v)") { Contribution(v) }
                assertThrows<EteException.InvalidContribution>("summariseContributions($v)") { summariseContributions(listOf(v)) }
            }
            assertEte("applyRatio numerator $v") { applyRatio(60, v, 1, Rounding.HALF_UP) }
            if (v < 0) assertThrows<EteException.InvalidRatio>("applyRatio denominator $v") { applyRatio(60, 1, v, Rounding.FLOOR) }
            assertEte("ndeliusEvidenceCsv actual $v") { ndeliusEvidenceCsv(listOf(decision(actual = v))) }
            assertEte("ndeliusEvidenceCsv credited $v") { ndeliusEvidenceCsv(listOf(decision(credited = v))) }
            assertEte("recordCredits credited $v") { recordCredits(listOf(requirement()), listOf(decision(credited = v)), "CA-1") }
        }
        // Signed adjustments at the extremes are refused or recorded, never a crash.
        for (v in listOf(Long.MIN_VALUE, Long.MAX_VALUE)) {
            val r = requirement()
            assertEteOrOk("Adjustment($v)") { r.record(LedgerEntry(nextEntryId(), date, "CRT", LedgerEventKind.Adjustment(v))) }
            assertEteOrOk("status after Adjustment($v)") { r.status(date.plusDays(1)) }
        }
        assertThrows<EteException.InvalidPolicy> { creditColumns(longArrayOf(60), longArrayOf(60), booleanArrayOf(true), policy = CreditPolicy(UInt.MAX_VALUE, false)) }
        assertEteOrOk("deliveryAgainstTarget percent max") { deliveryAgainstTarget(60, 0, UInt.MAX_VALUE) }
        assertEteOrOk("deliveryAgainstTarget all max") { deliveryAgainstTarget((1L shl 53) - 1, (1L shl 53) - 1, UInt.MAX_VALUE) }
        assertEteOrOk("applyRatio max") { applyRatio((1L shl 53) - 1, Long.MAX_VALUE, 1, Rounding.HALF_UP) }
        // A dormancy period of four billion days is refused; the longest accepted (3,660 days)
        // applies at the end of time without overflow.
        assertThrows<EteException.InvalidPolicy> {
            LicencePool("Wales", 1u, day1, PoolPolicy(WaitingOrder.FIRST_COME, UInt.MAX_VALUE, true, true, true))
        }
        val last = Instant.parse("+262142-12-31T23:59:59Z")
        val pool = LicencePool("Wales", 1u, day1, PoolPolicy(WaitingOrder.FIRST_COME, 3660u, false, true, true))
        pool.execute("c1", "A", day1, Action.Request("P-1", AccountKind.LEARNER, null, listOf("A")))
        pool.execute("c2", "A", last, Action.ReportDormant)
        assertTrue(pool.dormantLogins(last).size <= 1)
        assertEquals(1u, pool.utilisation(last).allocated)
    }

    @Test
    fun `a fraction with a zero denominator or too many places is an EteException`() {
        assertThrows<EteException.InvalidRatio> { fractionPercent(Fraction(1, 0uL), 1u) }
        assertThrows<EteException.InvalidRatio> { fractionDecimal(Fraction(Long.MIN_VALUE, 0uL), 0u) }
        assertThrows<EteException.InvalidField> { fractionPercent(Fraction(1, 3uL), UInt.MAX_VALUE) }
        assertEquals("-922337203685477580800.0", fractionPercent(Fraction(Long.MIN_VALUE, 1uL), 1u))
        assertEquals("9223372036854775807", fractionDecimal(Fraction(Long.MAX_VALUE, 1uL), 0u))
    }

    private val badJson = listOf(
        "", " ", "{", "[", "[1, 2", "{\"a\": }", "null", "{}", "[]", "0", "-1e999999", "\"text\"", "true",
        "[null]", "[{}]", "[{\"command\": 1}]", "{\"region\": 5}", "[\"\\ud800\"]", "\u0000",
        "[".repeat(1_000_000), "[{\"a\":".repeat(100_000), "{\"a\":[".repeat(200_000),
    )

    private fun assertMalformed(what: String, call: () -> Unit) {
        assertThrows<EteException.MalformedInput>(what) { call() }
    }

    @Test
    fun `bad JSON is MalformedInput at every door that restores state`() {
        val pool = LicencePool("Wales", 2u, day1)
        pool.execute("c1", "A", day1, Action.Request("P-1", AccountKind.LEARNER, null, listOf("A")))
        val snapshot = pool.toJson()
        val log = pool.eventsJson()
        for (bad in badJson) {
            val shown = bad.take(20)
            assertMalformed("replay($shown)") { LicencePool.replay(bad) }
            assertMalformed("restore(snapshot = $shown)") { LicencePool.restore(bad, log) }
            assertMalformed("restore(events = $shown)") { LicencePool.restore(snapshot, bad) }
            assertMalformed("Requirement.fromJson($shown)") { Requirement.fromJson(bad) }
            assertMalformed("Exchange.fromJson($shown)") { Exchange.fromJson(bad) }
            // A JSON array of bad records is a read with rejects (lenient) or RejectedRecords.
            if (bad == "[]") continue
            val strict = assertEte("readCompletionsJson($shown)") { readCompletionsJson(bad, strict = true) }
            assertTrue(strict is EteException.MalformedInput || strict is EteException.RejectedRecords, "$shown: $strict")
            try {
                readCompletionsJson(bad)
            } catch (e: EteException.MalformedInput) {
                // not an array of records
            }
        }
        // CSV: no header, or a header without the portal's columns.
        for (bad in listOf("", "\n", "a,b\n1,2\n", "[".repeat(1_000_000), "\"".repeat(1_000_001))) {
            assertMalformed("readCompletionsCsv(${bad.take(20)})") { readCompletionsCsv(bad) }
        }
    }

    @Test
    fun `bad policy JSON is InvalidPolicy`() {
        for (bad in badJson.filter { it != "{}" } + listOf("{\"dormancyDays\": -1}", "{\"unknown\": 1}", "{\"allowancePercent\": \"x\"}")) {
            val shown = bad.take(20)
            assertThrows<EteException.InvalidPolicy>("poolPolicyFromJson($shown)") { poolPolicyFromJson(bad) }
            assertThrows<EteException.InvalidPolicy>("creditPolicyFromJson($shown)") { creditPolicyFromJson(bad) }
            assertThrows<EteException.InvalidPolicy>("RoutingPolicy.fromJson($shown)") { RoutingPolicy.fromJson(bad) }
            assertThrows<EteException.InvalidPolicy>("AccessSessions policyJson $shown") { AccessSessions("Wales", bad) }
            assertThrows<EteException.InvalidPolicy>("Requirement policyJson $shown") {
                Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, 2400, date), policyJson = bad)
            }
        }
    }

    @Test
    fun `a snapshot and an event log that disagree are MalformedInput`() {
        val pool = LicencePool("Wales", 2u, day1)
        pool.execute("c1", "A", day1, Action.Request("P-1", AccountKind.LEARNER, null, listOf("A")))
        val earlyLog = pool.eventsJson()
        val earlySnapshot = pool.toJson()
        pool.execute("c2", "A", day1, Action.Request("P-2", AccountKind.LEARNER, null, listOf("A")))
        val other = LicencePool("England", 2u, day1)
        assertMalformed("a later snapshot, an earlier log") { LicencePool.restore(pool.toJson(), earlyLog) }
        assertMalformed("an earlier snapshot, a later log") { LicencePool.restore(earlySnapshot, pool.eventsJson()) }
        assertMalformed("another pool's snapshot") { LicencePool.restore(other.toJson(), pool.eventsJson()) }
        assertMalformed("another pool's log") { LicencePool.restore(pool.toJson(), other.eventsJson()) }
        assertMalformed("a snapshot that breaks an invariant") {
            LicencePool.restore(pool.toJson().replace("\"allocated\":2", "\"allocated\":1"), pool.eventsJson())
        }
        val restored = LicencePool.restore(pool.toJson(), pool.eventsJson())
        assertEquals(pool.toJson(), restored.toJson())
        assertEquals(pool.events(), restored.events())
        assertEquals("Wales", restored.region())
        assertEquals("England", other.region())
    }

    @Test
    fun `toString of a file, sessions and notes shows ids and counts, never a name or a note`() {
        val f = TransferFile("Zebedee Quist plan.pdf", schoolOrg, "dsl", "CFC ZQ", "risk_assessment")
        assertFalse(f.toString().contains("Zebedee") || f.toString().contains("ZQ"), f.toString())
        assertTrue(f.toString().contains("risk_assessment") && f.toString().contains("SCH-1"), f.toString())
        val sessions = AccessSessions("Wales")
        sessions.schedule("S-1", "Cardiff hub", date, "SUP-1", 2u, 2u)
        sessions.book("S-1", "Zebedee Quist")
        assertEquals("AccessSessions(region=Wales, sessions=1, loans=0, laptopsOut=0)", sessions.toString())
        val notes = RecordNotes("LRN-1")
        notes.add(tutor, "Zebedee called home", start)
        assertEquals("RecordNotes(learner=LRN-1, notes=1)", notes.toString())
    }

    @Test
    fun `eight threads mixing reads and writes on every stateful object neither deadlock nor break invariants`() {
        assertTimeoutPreemptively(Duration.ofSeconds(240)) {
            val pool = LicencePool("Wales", 20u, day1, poolPolicyFromJson("""{"reclaimDormant": true, "releaseWhenReady": true}"""))
            val sessions = AccessSessions("Wales", """{"laptops": 10}""")
            val learners = (0 until 12).map { "LRN-$it" }
            val registers = (0 until 3).map { Register(Lesson("L-$it", "PRV-1", start, end), learners) }
            val notes = RecordNotes("LRN-1")
            val requirements = (0 until 3).map { Requirement(RequirementTerms("R-$it", "P-$it", OrderKind.ADULT, 300L * 60, date)) }
            val policy = RoutingPolicy()
            val exchange = Exchange(policy)
            val plan = planTransfer(policy, hub, "CAP-7", listOf(file(schoolOrg)))
            val people = (0 until 60).map { "P-$it" }
            val laptops = (0 until 12).map { "LT-$it" }

            val poolEvents = AtomicLong()
            val scheduled = AtomicLong()
            val lent = AtomicLong()
            val returned = AtomicLong()
            val marks = AtomicLong()
            val attendanceNotes = AtomicLong()
            val recordNotes = AtomicLong()
            val entries = AtomicLong()
            val sentFiles = AtomicLong()
            val downloads = AtomicLong()

            // One clock for every thread, read just before each command: a pool or an exchange
            // refuses a command dated before its last event (L-7, T-6), so times run forward
            // (about 90 days in all). A thread that reads the clock and then waits for a lock
            // while another goes first is refused with a typed InvalidField naming `at`.
            val clock = AtomicLong()
            val threads = Executors.newFixedThreadPool(8)
            val jobs = (0 until 8).map { t ->
                threads.submit {
                    val rng = Random(1000 + t)
                    repeat(2_000) { i ->
                        val person = people.random(rng)
                        val learner = learners.random(rng)
                        val reg = registers.random(rng)
                        val req = requirements.random(rng)
                        val now = day1.plusSeconds(8 * 60 * clock.getAndIncrement())
                        val day = date.plusDays(rng.nextLong(0, 60))
                        try {
                            when (rng.nextInt(30)) {
                                0 -> poolEvents.addAndGet(pool.execute("t$t-$i", "A", now, Action.Request(person, AccountKind.LEARNER, day, listOf("A", "B"))).size.toLong())
                                1 -> poolEvents.addAndGet(pool.execute("t$t-$i", "A", now, Action.Login(person)).size.toLong())
                                2 -> poolEvents.addAndGet(pool.execute("t$t-$i", "A", now, Action.CompleteCourse(person, "A")).size.toLong())
                                3 -> poolEvents.addAndGet(pool.execute("t$t-$i", "A", now, Action.Deactivate(person, DeactivationReason.ADMINISTRATOR)).size.toLong())
                                4 -> poolEvents.addAndGet(pool.execute("t$t-$i", "A", now, if (rng.nextBoolean()) Action.ReportDormant else Action.SetCapacity(rng.nextInt(10, 30).toUInt())).size.toLong())
                                5 -> {
                                    pool.region(); pool.capacity(); pool.allocated(); pool.free(); pool.waiting()
                                    pool.accounts(); pool.account(person); pool.eventCount(); pool.readyToDeactivate()
                                    assertNull(pool.invariantViolation())
                                }
                                6 -> { pool.dormantLogins(now); pool.utilisation(now); pool.events() }
                                // Restoring replays the whole log: now and then.
                                7 -> if (i % 16 == 0) LicencePool.restore(pool.toJson(), pool.eventsJson()) else pool.toJson()
                                8 -> { sessions.schedule("S-$t-$i", "Cardiff hub", day, "SUP-1", 4u, 4u); scheduled.incrementAndGet() }
                                9 -> { sessions.book("S-$t-${i - rng.nextInt(1, 20)}", person) }
                                10 -> { sessions.lend("S-$t-${i - rng.nextInt(1, 20)}", person, laptops.random(rng), day, day.plusDays(7)); lent.incrementAndGet() }
                                11 -> { sessions.returnLaptop(laptops.random(rng), day.plusDays(1)); returned.incrementAndGet() }
                                12 -> { sessions.overdue(day); sessions.sessionCount(); sessions.laptopsOut() }
                                13 -> { reg.mark(if (rng.nextBoolean()) tutor else school, learner, Mark.entries.random(rng), after); marks.incrementAndGet() }
                                14 -> { reg.check(tutor, learner, Mark.entries.random(rng), now) }
                                15 -> { reg.addNote(tutor, learner, "note $i", after); attendanceNotes.incrementAndGet() }
                                16 -> { reg.setContribution(tutor, learner, Contribution(rng.nextLong(-2, 3)), after) }
                                17 -> { reg.lesson(); reg.learners(); reg.entry(learner); reg.entries(); reg.events(); reg.notes(); reg.isComplete(); reg.toJson() }
                                18 -> { summarise(registers, now); unprocessedAbsences(registers, learners); contributionSummary(registers, learner) }
                                19 -> { notes.add(tutor, "record note $i", now); recordNotes.incrementAndGet() }
                                20 -> { notes.notes(registers) }
                                21 -> { req.record(LedgerEntry(nextEntryId(), day, "SUP-1", LedgerEventKind.WorkAppointment(rng.nextLong(0, 120), AppointmentOutcome.ATTENDED))); entries.incrementAndGet() }
                                22 -> { req.id(); req.entryCount(); req.eteFit(rng.nextLong(0, 600)); req.status(day); if (i % 16 == 0) Requirement.fromJson(req.toJson()) }
                                23 -> {
                                    val c = portalCompletion(person, "Budgeting", now, "Completed", rng.nextLong(0, 200), 120)
                                    creditAgainstRequirements(listOf(c), requirements)
                                }
                                24 -> entries.addAndGet(recordCredits(requirements, listOf(CreditDecision(0, "P-${rng.nextInt(3)}", "Budgeting", day, 30, 60, 72, 30, CreditReason.WITHIN_GUIDED_TIME, null, false, null)), "CA-1").toLong())
                                25 -> sentFiles.addAndGet(exchange.confirm(plan, now).size.toLong())
                                26 -> { exchange.download(rng.nextLong(0, 50).toULong(), "SCH-1", "T-9", now); downloads.incrementAndGet() }
                                27 -> downloads.addAndGet(exchange.downloadAll("SCH-1", "T-9", now).size.toLong())
                                28 -> { exchange.inbox("SCH-1"); exchange.events(); if (i % 16 == 0) Exchange.fromJson(exchange.toJson()) }
                                else -> { attendanceByLearner(longArrayOf(rng.nextLong(0, 5)), byteArrayOf(0)) }
                            }
                        } catch (e: EteException) {
                            // refused: the object is unchanged
                        }
                    }
                }
            }
            jobs.forEach { it.get() }
            threads.shutdown()
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS))

            // The pool replays from its log and restores from its snapshot to the same state.
            assertNull(pool.invariantViolation())
            assertEquals(poolEvents.get() + 1, pool.eventCount().toLong())
            assertEquals(pool.eventCount().toLong(), pool.events().size.toLong())
            assertEquals(pool.toJson(), LicencePool.replay(pool.eventsJson()).toJson())
            assertEquals(pool.toJson(), LicencePool.restore(pool.toJson(), pool.eventsJson()).toJson())
            assertTrue(poolEvents.get() > 100, "pool events ${poolEvents.get()}")
            // Sessions: every schedule kept, laptops out = lent - returned.
            assertEquals(scheduled.get(), sessions.sessionCount().toLong())
            assertEquals(lent.get() - returned.get(), sessions.laptopsOut().toLong())
            // Registers: every accepted mark is one or two mark events, the last of which is the
            // entry, and each register replays from its events.
            val history = registers.sumOf { r -> r.events().count { it.kind is RegisterEventKind.Marked } }.toLong()
            assertTrue(marks.get() in (history + 1) / 2..history, "marks ${marks.get()}, history $history")
            for (reg in registers) {
                val entriesNow = reg.entries()
                for ((l, e) in entriesNow) {
                    val changes = reg.events().filter { it.learner == l }.map { it.kind }.filterIsInstance<RegisterEventKind.Marked>()
                    assertEquals(e.providerMark, changes.lastOrNull { it.field == Field.PROVIDER_MARK }?.to, "$l provider mark")
                    assertEquals(e.schoolDecision, changes.lastOrNull { it.field == Field.SCHOOL_DECISION }?.to, "$l school decision")
                }
                assertEquals(reg.toJson(), Register.replay(reg.lesson(), reg.learners(), reg.events()).toJson())
            }
            assertEquals(attendanceNotes.get(), registers.sumOf { it.notes().size }.toLong())
            assertEquals(recordNotes.get(), notes.notes(listOf()).size.toLong())
            // Requirements: every accepted entry kept, and each restores from its JSON.
            assertEquals(entries.get(), requirements.sumOf { it.entryCount() }.toLong())
            for (req in requirements) assertEquals(req.toJson(), Requirement.fromJson(req.toJson()).toJson())
            // Exchange: every file sent is in the inbox once; every send and download audited.
            assertEquals(sentFiles.get(), exchange.inbox("SCH-1").size.toLong())
            assertEquals(sentFiles.get() + downloads.get(), exchange.events().size.toLong())
            assertEquals(exchange.toJson(), Exchange.fromJson(exchange.toJson()).toJson())
        }
    }

    @Test
    fun `a tampered exchange snapshot is MalformedInput naming the broken invariant`() {
        val policy = RoutingPolicy()
        val hub = Organisation("hub", "HUB-1")
        val school = Organisation("school", "SCH-1")
        val exchange = Exchange(policy)
        val file = TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment")
        exchange.confirm(planTransfer(policy, hub, "CAP-7", listOf(file)), Instant.parse("2026-11-02T09:00:00Z"))
        val good = org.json.JSONObject(exchange.toJson())
        assertEquals(exchange.toJson(), Exchange.fromJson(exchange.toJson(), policy).toJson())

        val emptied = org.json.JSONObject(good.toString()).put("events", org.json.JSONArray()).put("chain", org.json.JSONArray())
        val e1 = assertThrows<EteException.MalformedInput> { Exchange.fromJson(emptied.toString()) }
        assertTrue(e1.message!!.contains("not the fold of the events"), e1.message)

        val forged = org.json.JSONObject(good.toString())
        val extra = org.json.JSONObject(forged.getJSONArray("events").getJSONObject(0).toString())
        extra.put("command", "forged").put("fileId", 2)
        extra.put("sender", org.json.JSONObject(mapOf("kind" to "school", "id" to "SCH-9")))
        extra.getJSONObject("file").put("recipient", org.json.JSONObject(mapOf("kind" to "provider", "id" to "PRV-1")))
        forged.getJSONArray("events").put(extra)
        val e2 = assertThrows<EteException.MalformedInput> { Exchange.fromJson(forged.toString()) }
        assertTrue(e2.message!!.contains("hash chain breaks at event 1"), e2.message)
        // The same event replayed (no chain to break): the rules refuse the route.
        val events = exchange.events()
        val sent = events.single().kind as ExchangeEventKind.Sent
        val forgedEvent = events.single().copy(command = "forged", kind = sent.copy(fileId = 2uL,
            sender = Organisation("school", "SCH-9"), file = sent.file.copy(recipient = Organisation("provider", "PRV-1"))))
        val e4 = assertThrows<EteException.MalformedInput> { Exchange.replay(events + forgedEvent, policy) }
        assertTrue(e4.message!!.contains("no-school-to-provider"), e4.message)

        val newer = org.json.JSONObject(good.toString()).put("format", 3)
        val e3 = assertThrows<EteException.MalformedInput> { Exchange.fromJson(newer.toString()) }
        assertTrue(e3.message!!.contains("format 3 is newer"), e3.message)
    }

    // ---- issue 14: policies out of range, unknown names, implausible values, hostile readers ----

    @Test
    fun `a ledger policy out of range is InvalidPolicy naming field and value, also inside a snapshot`() {
        for ((json, named) in listOf(
            """{"eteShare": {"numerator": 1000, "denominator": 1}}""" to "eteShare = 1000/1",
            """{"completionMonths": 0}""" to "completionMonths = 0",
            """{"adultHours": [300, 40]}""" to "adultHours = [300, 40]",
            """{"incentive": {"threshold": {"numerator": 1, "denominator": 4}, "discountRate": {"numerator": 10, "denominator": 1}}}""" to "incentive.discountRate = 10/1",
        )) {
            val e = assertThrows<EteException.InvalidPolicy>(json) { Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, 6000, date), policyJson = json) }
            assertTrue(e.message!!.contains(named), e.message)
        }
        val snapshot = org.json.JSONObject(Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, 6000, date)).toJson())
        snapshot.getJSONObject("policy").put("eteShare", org.json.JSONObject(mapOf("numerator" to 1000, "denominator" to 1)))
        assertThrows<EteException.InvalidPolicy> { Requirement.fromJson(snapshot.toString()) }
    }

    @Test
    fun `adjustments below the time still to do and extensions beyond the maximum are refused`() {
        val r = Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, 6000, date))
        val e = assertThrows<EteException.InvalidField> { r.record(LedgerEntry(nextEntryId(), date, "CA-1", LedgerEventKind.Adjustment(-((1L shl 53) - 1)))) }
        assertTrue(e.message!!.contains("below zero"), e.message)
        assertThrows<EteException.InvalidField> { r.record(LedgerEntry(nextEntryId(), date, "CA-1", LedgerEventKind.Extension(100_000u))) }
        assertEquals(6000L, r.status(date).remaining)
    }

    @Test
    fun `a pool snapshot with counters the log cannot hold is MalformedInput`() {
        val pool = LicencePool("Wales", 2u, day1)
        pool.execute("c1", "A", day1, Action.Request("P-1", AccountKind.LEARNER, null, listOf("A")))
        for (field in listOf("events", "releases", "releasedDays")) {
            val tampered = org.json.JSONObject(pool.toJson()).put(field, java.math.BigInteger("18446744073709551615"))
            assertThrows<EteException.MalformedInput>(field) { LicencePool.restore(tampered.toString(), pool.eventsJson()) }
        }
    }

    @Test
    fun `decide denies a name the policy does not list, as planTransfer does`() {
        val d = decide(RoutingPolicy(), schoolOrg, hub, "dsl", "risk_asessment")
        assertEquals(false, d.allowed)
        assertEquals("unknown_category", d.reason.code())
        assertEquals("unknown_role", decide(RoutingPolicy(), hub, schoolOrg, "teacher", "other").reason.code())
        assertEquals("unknown_kind", decide(RoutingPolicy(), Organisation("prison", "P-1"), hub, "dsl", "other").reason.code())
    }

    private val header = "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes"

    @Test
    fun `readers refuse sentinel dates, duplicate columns and keys, and accept a byte-order mark`() {
        val out = readCompletionsCsv("$header\nP-1,C,0001-01-01T00:00:00Z,Completed,95,120\n")
        assertEquals(listOf(0L to "completionDateTime"), out.rejects.map { it.position to it.field })
        assertThrows<EteException.RejectedRecords> { readCompletionsCsv("$header\nP-1,C,0001-01-01T00:00:00Z,Completed,95,120\n", strict = true) }
        val dup = assertThrows<EteException.MalformedInput> { readCompletionsCsv("$header,totalTimeMinutes\nP-1,C,2026-11-02T14:05:00Z,Completed,95,120,9000\n") }
        assertTrue(dup.message!!.contains("totalTimeMinutes"), dup.message)
        val record = """{"externalReference": "P-1", "courseName": "C", "completionDateTime": "2026-11-02T14:05:00Z", "status": "Completed", "totalTimeMinutes": 95, "expectedTimeMinutes": 120}"""
        assertThrows<EteException.MalformedInput> { readCompletionsJson("[" + record.replace("}", ", \"totalTimeMinutes\": 9000}") + "]") }
        assertEquals(1, readCompletionsJson("\uFEFF[$record]", strict = true).completions.size)
    }

    @Test
    fun `no reject of a shifted sample export contains a personal value of the file`() {
        val lines = java.io.File("../examples/data", "completions.csv").readLines().filter { it.isNotBlank() }
        val header = lines.first().split(",")
        val rows = lines.drop(1).map { it.split(",") }
        val personalColumns = setOf("firstName", "lastName", "dateOfBirth", "email")
        val personal = rows.flatMap { row -> header.zip(row).filter { it.first in personalColumns && it.second.isNotEmpty() }.map { it.second } }.toSet()
        assertTrue(personal.size > 5)
        var seen = 0
        for (shift in 1 until header.size) {
            val shifted = rows.map { row -> (row.drop(shift) + row.take(shift)).joinToString(",") }
            val csv = (listOf(header.joinToString(",")) + shifted).joinToString("\n") + "\n"
            val out = readCompletionsCsv(csv)
            val texts = out.rejects.map { "${it.field} ${it.reason} $it" }.toMutableList()
            try { readCompletionsCsv(csv, strict = true) } catch (e: EteException) { texts.add(e.message ?: "") }
            for (text in texts) for (value in personal) assertTrue(value !in text, "shift $shift: $text")
            seen += out.rejects.size
        }
        assertTrue(seen > 50, "only $seen rejects")
    }
}
