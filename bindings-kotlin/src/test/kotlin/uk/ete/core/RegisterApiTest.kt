package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** The register API from Kotlin: decisions with reasons, bad input, threads, exact rates. */
class RegisterApiTest {
    private val start = Instant.parse("2026-11-24T09:00:00Z")
    private val end = Instant.parse("2026-11-24T11:00:00Z")
    private val after = end.plusSeconds(300)
    private val tutor = Actor(Role.PROVIDER, "TUTOR-3")
    private val school = Actor(Role.SCHOOL, "SCH-OFFICE")
    private val hub = Actor(Role.HUB, "CAP-1")

    private fun register(vararg learners: String) = Register(Lesson("L-1", "PRV-1", start, end), learners.toList())

    @Test
    fun `a provider may not authorise, and the refusal says why and changes nothing`() {
        val r = register("LRN-1")
        val before = r.toJson()
        val d = r.check(tutor, "LRN-1", Mark.AUTHORISED_ABSENCE, after)
        assertFalse(d.allowed)
        assertEquals(MarkReason.RoleMayNotSet(Role.PROVIDER, Mark.AUTHORISED_ABSENCE), d.reason)
        val e = assertThrows<EteException.MarkRefused> { r.mark(tutor, "LRN-1", Mark.AUTHORISED_ABSENCE, after) }
        assertEquals("role_may_not_set", e.reason)
        assertEquals(before, r.toJson())
    }

    @Test
    fun `a lesson not finished is refused with its end time`() {
        val d = register("LRN-1").check(tutor, "LRN-1", Mark.PRESENT, start)
        assertEquals(MarkReason.LessonNotFinished(end), d.reason)
        assertTrue(d.reason.text().contains("2026-11-24T11:00:00Z"))
    }

    @Test
    fun `the school processes an unexplained absence and both marks are kept`() {
        val r = register("LRN-1")
        r.mark(tutor, "LRN-1", Mark.UNEXPLAINED_ABSENCE, after)
        r.mark(school, "LRN-1", Mark.UNAUTHORISED_ABSENCE, after)
        assertEquals(Entry(Mark.UNEXPLAINED_ABSENCE, Mark.UNAUTHORISED_ABSENCE, null), r.entry("LRN-1"))
        assertEquals(Mark.UNAUTHORISED_ABSENCE, r.entry("LRN-1")?.current())
        assertEquals(listOf(Field.PROVIDER_MARK, Field.SCHOOL_DECISION), r.events().map { (it.kind as RegisterEventKind.Marked).field })
        assertEquals(Role.SCHOOL, r.events().last().actor.role)
    }

    @Test
    fun `bad input is a clear error and changes nothing`() {
        val r = register("LRN-1")
        r.mark(tutor, "LRN-1", Mark.PRESENT, after)
        val before = r.toJson()
        assertEquals("not_unexplained", assertThrows<EteException.MarkRefused> { r.mark(school, "LRN-1", Mark.AUTHORISED_ABSENCE, after) }.reason)
        assertEquals("not_on_register", assertThrows<EteException.MarkRefused> { r.mark(tutor, "LRN-9", Mark.PRESENT, after) }.reason)
        assertThrows<EteException.InvalidField> { r.addNote(tutor, "LRN-1", "  ", after) }
        assertThrows<EteException.NotOnRegister> { r.addNote(tutor, "LRN-9", "Arrived late", after) }
        assertThrows<EteException.InvalidContribution> { Contribution(3) }
        assertTrue(assertThrows<EteException.InvalidField> { markFromCode("absent") }.detail.contains("\"absent\""))
        assertEquals(before, r.toJson())
    }

    @Test
    fun `a contribution stays within bounds and needs a present or late learner`() {
        assertEquals(Contribution(2), Contribution(2).increment())
        assertEquals(-2, Contribution(-2).decrement().value().toInt())
        val r = register("LRN-1", "LRN-2")
        r.mark(tutor, "LRN-1", Mark.LATE, after)
        r.setContribution(tutor, "LRN-1", Contribution(1), after)
        assertEquals(1, r.entry("LRN-1")?.contribution?.toInt())
        assertEquals("contribution_refused", assertThrows<EteException.MarkRefused> { r.setContribution(tutor, "LRN-2", Contribution(1), after) }.reason)
        val s = contributionSummary(listOf(r), "LRN-1")
        assertEquals(Fraction(1, 1uL), s.mean())
        assertEquals("1.00", s.meanText())
    }

    @Test
    fun `rates are exact and add up to the possible sessions`() {
        val r = register("A", "B", "C")
        r.mark(hub, "A", Mark.PRESENT, after)
        r.mark(hub, "B", Mark.LATE, after)
        r.mark(hub, "C", Mark.UNAUTHORISED_ABSENCE, after)
        val g = summarise(listOf(r), after).group
        assertEquals(Fraction(2, 3uL), g.rates()?.attended)
        assertEquals("66.7", fractionPercent(Fraction(2, 3uL), 1u))
        assertEquals("0.667", fractionDecimal(Fraction(2, 3uL), 3u))
        assertEquals(3uL, g.possible())
        assertNull(statutoryCode(Mark.NOT_REQUIRED))
    }

    @Test
    fun `statutory figures count N as unauthorised and refuse a withdrawn code`() {
        val r = register("A", "B", "C")
        r.mark(hub, "A", Mark.PRESENT, after)
        r.mark(hub, "B", Mark.UNEXPLAINED_ABSENCE, after)
        r.mark(hub, "C", Mark.UNAUTHORISED_ABSENCE, after)
        val g = statutorySummary(listOf(r)).group
        assertEquals("66.7", g.absencePercent)
        assertEquals(2uL, g.tally.unauthorised)
        assertTrue(g.persistent && g.severe)
        assertEquals(mapOf("B" to 1uL, "N" to 1uL, "O" to 1uL), g.sessions.associate { it.code to it.sessions })
        assertTrue(statutoryCsv(listOf(r), learners = listOf("B")).lines()[1].startsWith("B,,,1,0,0,0,0,1,"))
        val e = assertThrows<EteException.InvalidPolicy> {
            statutorySummary(listOf(r), policyJson = """{"codes": {"authorised_absence": "H"}}""")
        }
        assertTrue(e.detail.contains("codes.authorised_absence = \"H\""), e.detail)
    }

    @Test
    fun `notes show on the record oldest first`() {
        val r = register("LRN-1")
        r.addNote(tutor, "LRN-1", "Worked well with a partner", after)
        val record = RecordNotes("LRN-1")
        record.add(hub, "Initial assessment booked", start)
        assertEquals(listOf(null, "L-1"), record.notes(listOf(r)).map { it.lesson })
    }

    @Test
    fun `a note's toString never shows its text`() {
        val r = register("LRN-1")
        r.addNote(tutor, "LRN-1", "Mentioned a family matter", after)
        val note = r.notes().single()
        assertEquals("Mentioned a family matter", note.text)
        assertFalse(note.toString().contains("family matter"), note.toString())
        assertTrue(note.toString().contains("LRN-1"))
        val made = Note("LRN-2", hub, start, "Private words", null)
        assertFalse(made.toString().contains("Private"), made.toString())
        assertFalse(listOf(made).toString().contains("Private"))
    }

    @Test
    fun `a register is safe to share between threads`() {
        val learners = (0 until 400).map { "LRN-$it" }
        val r = Register(Lesson("L-1", "PRV-1", start, end), learners)
        val pool = Executors.newFixedThreadPool(8)
        val jobs = (0 until 8).map { part ->
            pool.submit {
                learners.filterIndexed { i, _ -> i % 8 == part }.forEach {
                    r.mark(tutor, it, Mark.PRESENT, after)
                    r.setContribution(tutor, it, Contribution(1), after)
                }
            }
        }
        jobs.forEach { it.get() }
        pool.shutdown()
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS))
        assertTrue(r.isComplete())
        assertEquals(800, r.events().size) // a mark and a score each
        assertTrue(r.entries().values.all { it.contribution?.toInt() == 1 })
    }

    @Test
    fun `notes and contributions are events and replay`() {
        val r = register("LRN-1")
        r.mark(hub, "LRN-1", Mark.PRESENT, after)
        r.addNote(tutor, "LRN-1", "Arrived with a carer", after)
        r.setContribution(tutor, "LRN-1", Contribution(2), after)
        val events = r.events()
        assertEquals(listOf("marked", "note_added", "contribution_set"), events.map { it.kind.code() })
        assertEquals(RegisterEventKind.ContributionSet(null, 2.toByte()), events.last().kind)
        // toString never shows a note's text.
        assertFalse(events.toString().contains("carer"), events.toString())
        val replayed = Register.replay(Lesson("L-1", "PRV-1", start, end), listOf("LRN-1"), events)
        assertEquals(r.toJson(), replayed.toJson())
        assertEquals(listOf("Arrived with a carer"), replayed.notes().map { it.text })
        assertEquals(r.toJson(), Register.restore(r.toJson()).toJson())
    }

    @Test
    fun `a retried id changes nothing and another command under it is refused`() {
        val r = register("LRN-1")
        val mark = RegisterCommand("c1", tutor, after, RegisterAction.Mark("LRN-1", Mark.PRESENT))
        assertEquals(1, r.execute(mark).size)
        val before = r.toJson()
        assertEquals(emptyList<RegisterEvent>(), r.execute(mark))
        assertEquals(before, r.toJson())
        val other = mark.copy(action = RegisterAction.Mark("LRN-1", Mark.LATE))
        assertTrue(assertThrows<EteException.InvalidField> { r.execute(other) }.message!!.contains("command id"))
        assertEquals(before, r.toJson())
        val note = RegisterCommand("n1", tutor, after, RegisterAction.AddNote("LRN-1", "Private words"))
        assertFalse(note.toString().contains("Private"), note.toString())
        r.execute(note)
        r.execute(note)
        assertEquals(1, r.notes().size)
    }

    @Test
    fun `a tampered snapshot is refused and a bad score never crosses`() {
        val r = register("LRN-1")
        r.mark(tutor, "LRN-1", Mark.PRESENT, after)
        r.addNote(tutor, "LRN-1", "Arrived with a carer", after)
        val forged = r.toJson().replace("\"providerMark\":\"present\"", "\"providerMark\":\"late\"")
        val e = assertThrows<EteException.MalformedInput> { Register.restore(forged) }
        assertFalse(e.message!!.contains("carer"))
        // The hash chain breaks first; replayed without a chain, the rules refuse the stranger.
        assertThrows<EteException.MalformedInput> { Register.restore(r.toJson().replace("\"learner\":\"LRN-1\"", "\"learner\":\"LRN-9\"")) }
        assertThrows<EteException.NotOnRegister> { Register.replay(r.lesson(), listOf("LRN-1"), r.events().map { it.copy(learner = "LRN-9") }) }
        assertThrows<EteException.MalformedInput> { Register.restore("{") }
        assertThrows<EteException.InvalidContribution> {
            r.execute(RegisterCommand("c9", tutor, after, RegisterAction.SetContribution("LRN-1", 5.toByte())))
        }
    }

    @Test
    fun `reads racing writes see a whole register`() {
        val learners = (0 until 60).map { "LRN-$it" }
        val lesson = Lesson("L-1", "PRV-1", start, end)
        val r = Register(lesson, learners)
        val threads = Executors.newFixedThreadPool(6)
        val done = java.util.concurrent.atomic.AtomicBoolean(false)
        val readers = (0 until 2).map {
            threads.submit {
                while (!done.get()) {
                    val snapshot = r.toJson()
                    assertEquals(snapshot, Register.restore(snapshot).toJson())
                    val events = r.events()
                    Register.replay(lesson, learners, events)
                }
            }
        }
        val writers = (0 until 4).map { part ->
            threads.submit {
                learners.filterIndexed { i, _ -> i % 4 == part }.forEach {
                    val mark = RegisterCommand("m-$it", tutor, after, RegisterAction.Mark(it, Mark.PRESENT))
                    r.execute(mark)
                    r.execute(mark) // a retry
                    r.execute(RegisterCommand("s-$it", tutor, after, RegisterAction.SetContribution(it, 1.toByte())))
                }
            }
        }
        writers.forEach { it.get() }
        done.set(true)
        readers.forEach { it.get() }
        threads.shutdown()
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS))
        assertEquals(120, r.events().size)
        assertEquals(r.toJson(), Register.replay(lesson, learners, r.events()).toJson())
    }
}
