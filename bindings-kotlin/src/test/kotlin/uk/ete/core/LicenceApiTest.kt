package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong
import kotlin.random.Random

/** The licence pool from Kotlin: sealed actions and events, bad input, snapshot, threads. */
class LicenceApiTest {
    private val day1 = Instant.parse("2026-11-02T09:00:00Z")
    private fun at(days: Long) = day1.plus(Duration.ofDays(days))
    private fun request(person: String, kind: AccountKind = AccountKind.LEARNER) =
        Action.Request(person, kind, null, listOf("A", "B"))

    @Test
    fun `a released licence goes to the head of the waiting list`() {
        val pool = LicencePool("Wales", 1u, day1)
        pool.execute("c1", "ADMIN-1", at(1), request("P-1"))
        assertEquals(EventKind.Queued("P-2"), pool.execute("c2", "ADMIN-1", at(1), request("P-2")).last().kind)
        val freed = pool.execute("c3", "ADMIN-1", at(5), Action.Deactivate("P-1", DeactivationReason.COURSES_COMPLETED))
        assertEquals(listOf("deactivated", "allocated"), freed.map { it.kind.code() })
        assertEquals(AccountState.ACTIVE, pool.account("P-2")?.state)
        assertEquals(at(5), freed.last().at)
        assertTrue(pool.execute("c3", "ADMIN-1", at(5), Action.Deactivate("P-1", DeactivationReason.COURSES_COMPLETED)).isEmpty())
    }

    @Test
    fun `bad input is a clear error and the pool is unchanged`() {
        val pool = LicencePool("Wales", 2u, day1)
        pool.execute("c1", "A", at(1), request("P-1"))
        pool.execute("c2", "A", at(1), request("P-2"))
        val before = pool.toJson()
        assertThrows<EteException.UnknownPerson> { pool.execute("x", "A", at(2), Action.Login("P-9")) }
        assertThrows<EteException.CapacityExceeded> { pool.execute("x", "A", at(2), Action.SetCapacity(1u)) }
        // Before the details were issued is before the last event too: refused naming `at` (L-7).
        assertThrows<EteException.InvalidField> { pool.execute("x", "A", at(0), Action.Login("P-1")) }
        assertThrows<EteException.InvalidTransition> { pool.execute("x", "A", at(2), request("P-1")) }
        assertThrows<EteException.InvalidPolicy> { poolPolicyFromJson("""{"dormancyDays": 0}""") }
        assertEquals(before, pool.toJson())
        val sessions = AccessSessions("Wales")
        sessions.schedule("S-1", "Cardiff hub", LocalDate.parse("2026-12-01"), "SUP-1", 2u, 2u)
        sessions.book("S-1", "P-1")
        sessions.lend("S-1", "P-1", "LT-01", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-08"))
        sessions.returnLaptop("LT-01", LocalDate.parse("2026-12-02"))
        assertThrows<EteException.InvalidTransition> { sessions.returnLaptop("LT-01", LocalDate.parse("2026-12-03")) }
        assertThrows<EteException.InvalidField> {
            AccessSessions("London").schedule("S-1", "Library", LocalDate.parse("2026-12-01"), "SUP-1", 2u, 2u)
        }
        // No region is left without sessions by this policy; the default opening actor is core's.
        AccessSessions("London", """{"regionsWithoutSessions": []}""").schedule("S-1", "Library", LocalDate.parse("2026-12-01"), "SUP-1", 2u, 2u)
        assertEquals("ADMIN", LicencePool("Wales", 1u, day1).events().single().actor)
    }

    @Test
    fun `dormant logins and the utilisation line`() {
        val pool = LicencePool("Wales", 2u, day1)
        pool.execute("c1", "A", at(0), request("P-1"))
        pool.execute("c2", "A", at(0), request("P-2"))
        pool.execute("c3", "A", at(1), Action.Login("P-2"))
        assertEquals(listOf("P-1" to true, "P-2" to false), pool.dormantLogins(at(15)).map { it.person to it.neverLoggedIn })
        val u = pool.utilisation(at(15))
        assertEquals(Fraction(30, 2uL), u.averageDaysHeld)
        assertEquals("15.0", u.averageDaysText())
        assertEquals(2u, u.dormant)
    }

    @Test
    fun `eight threads of ten thousand random commands keep the invariants`() {
        val policy = poolPolicyFromJson("""{"reclaimDormant": true, "releaseWhenReady": true}""")
        val pool = LicencePool("Wales", 40u, day1, policy)
        val people = (0 until 120).map { "P-$it" } + (0 until 8).map { "S-$it" }
        val reasons = DeactivationReason.values()
        val events = AtomicLong()
        val accepted = AtomicLong()
        // One clock for every thread, read just before each command (the pool refuses a command
        // dated before its last event, L-7): times run forward over about 55 days. A thread may
        // read the clock and wait for the pool's lock while another, with a later time, goes
        // first: that command is refused as InvalidField naming `at`, checked below.
        val clock = AtomicLong()
        val raced = java.util.concurrent.ConcurrentLinkedQueue<String>()
        val threads = Executors.newFixedThreadPool(8)
        val jobs = (0 until 8).map { t ->
            threads.submit {
                val rng = Random(t)
                val ids = mutableListOf<String>()
                repeat(10_000) { i ->
                    val id = if (ids.isNotEmpty() && rng.nextDouble() < 0.05) ids.random(rng) else "t$t-$i"
                    val person = people.random(rng)
                    val pick = rng.nextDouble()
                    val action = when {
                        pick < 0.35 -> request(person, if (person.startsWith("S-")) AccountKind.STAFF else AccountKind.LEARNER)
                        pick < 0.55 -> Action.Login(person)
                        pick < 0.70 -> Action.CompleteCourse(person, if (rng.nextBoolean()) "A" else "B")
                        pick < 0.88 -> Action.Deactivate(person, reasons.random(rng))
                        pick < 0.94 -> Action.Withdraw(person)
                        pick < 0.97 -> Action.SetCapacity(rng.nextInt(20, 61).toUInt())
                        else -> Action.ReportDormant
                    }
                    try {
                        val out = pool.execute(id, "ADMIN-1", day1.plusSeconds(60 * clock.getAndIncrement()), action)
                        events.addAndGet(out.size.toLong())
                        accepted.incrementAndGet()
                        ids += id
                    } catch (e: EteException.InvalidField) {
                        if (e.detail.contains("before the pool's last event")) raced += e.detail
                    } catch (e: EteException) {
                        // refused: the pool is unchanged
                    }
                    if (i % 500 == 0) assertNull(pool.invariantViolation())
                }
            }
        }
        jobs.forEach { it.get() }
        threads.shutdown()
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS))
        assertNull(pool.invariantViolation())
        assertTrue(raced.all { it.startsWith("invalid at: ") }, raced.take(3).toString())
        assertTrue(pool.allocated() <= pool.capacity())
        assertTrue(accepted.get() > 10_000)
        assertEquals(events.get() + 1, pool.eventCount().toLong())
        assertEquals(pool.eventCount().toLong(), pool.events().size.toLong())
        assertEquals(pool.toJson(), LicencePool.replay(pool.eventsJson()).toJson())
    }

    @Test
    fun `snapshot with log restores while another thread writes`() {
        val pool = LicencePool("Wales", 40u, day1)
        val clock = AtomicLong(1)
        val stop = java.util.concurrent.atomic.AtomicBoolean(false)
        val writer = Thread {
            var i = 0
            while (!stop.get() && i < 2_000) {
                i += 1
                pool.execute("w$i", "ADMIN-1", day1.plusSeconds(clock.getAndIncrement()), request("P-$i"))
            }
        }
        writer.start()
        try {
            repeat(30) {
                val backup = pool.snapshotWithLog()
                val again = LicencePool.restore(backup.snapshot, backup.log)
                assertEquals(backup.snapshot, again.toJson())
            }
        } finally {
            stop.set(true)
            writer.join()
        }
        val backup = pool.snapshotWithLog()
        assertEquals(pool.toJson(), backup.snapshot)
        assertEquals(pool.eventsJson(), backup.log)
    }
}
