package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant

/**
 * Time runs forward (issue 14): a pool or exchange command dated before the last event, a
 * register note dated before its lesson and a mark dated before the learner's previous mark are
 * InvalidField naming `at`, with nothing changed.
 */
class TimeForwardTest {
    private val nine = Instant.parse("2026-11-24T09:00:00Z")
    private fun hours(n: Long) = nine.plusSeconds(3600 * n)

    @Test
    fun `a pool command before the last event is InvalidField naming at and the last time`() {
        val pool = LicencePool("Wales", 2u, nine)
        pool.execute("c1", "A", hours(2), Action.Request("P-1", AccountKind.LEARNER, null, listOf("A")))
        val before = pool.toJson()
        val e = assertThrows<EteException.InvalidField> {
            pool.execute("c2", "A", hours(1), Action.Request("P-2", AccountKind.LEARNER, null, listOf("A")))
        }
        assertTrue(e.detail.startsWith("invalid at: 2026-11-24T10:00:00+00:00 is before the pool's last event at 2026-11-24T11:00:00+00:00"), e.detail)
        assertEquals(before, pool.toJson())
        pool.execute("c2", "A", hours(2), Action.Request("P-2", AccountKind.LEARNER, null, listOf("A")))
    }

    @Test
    fun `an exchange command before the last event is InvalidField naming at and the last time`() {
        val policy = RoutingPolicy()
        val exchange = Exchange(policy)
        val file = TransferFile("a.pdf", Organisation("school", "SCH-1"), "dsl", "CFC JN", "risk_assessment")
        val plan = planTransfer(policy, Organisation("hub", "HUB-1"), "CAP-7", listOf(file))
        exchange.confirm(plan, nine)
        exchange.confirm(plan, hours(2))
        val before = exchange.toJson()
        val e = assertThrows<EteException.InvalidField> { exchange.download(1uL, "SCH-1", "T-1", hours(1)) }
        assertTrue(e.detail.contains("before the exchange's last event at 2026-11-24T11:00:00"), e.detail)
        assertThrows<EteException.InvalidField> { exchange.confirm(plan, hours(1)) }
        assertEquals(before, exchange.toJson())
        assertEquals(2, exchange.downloadAll("SCH-1", "T-1", hours(2)).size)
    }

    @Test
    fun `a register note before its lesson or a mark before the previous mark is InvalidField`() {
        val register = Register(Lesson("L-1", "PRV-1", nine, hours(1)), listOf("A", "B"))
        val hub = Actor(Role.HUB, "CAP-1")
        val note = assertThrows<EteException.InvalidField> { register.addNote(hub, "A", "Arrived early", hours(-1)) }
        assertTrue(note.detail.contains("a note dated before its lesson starts"), note.detail)
        register.mark(hub, "A", Mark.PRESENT, hours(3))
        val before = register.toJson()
        val mark = assertThrows<EteException.InvalidField> { register.mark(hub, "A", Mark.LATE, hours(2)) }
        assertTrue(mark.detail.contains("before the learner's previous mark at 2026-11-24T12:00:00"), mark.detail)
        assertEquals(before, register.toJson())
        register.mark(hub, "B", Mark.PRESENT, hours(2))
        register.mark(hub, "A", Mark.LATE, hours(3))
    }
}
