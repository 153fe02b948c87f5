package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import java.time.LocalDate

/**
 * Issue 14's hostile-caller leftovers through Kotlin: a register's lesson and learners covered by
 * its opening hash, blank lessons and empty learner lists, placement formats and chains, time going
 * backwards, implausible dates and positioned parse errors.
 */
class TrustLeftoversTest {
    private val nine = Instant.parse("2026-11-24T09:00:00Z")
    private val lesson = Lesson("L-1", "PRV-1", nine, nine.plusSeconds(3600))

    @Test
    fun `a register snapshot with a changed lesson or an added learner is refused`() {
        val register = Register(lesson, listOf("A", "B"))
        val good = JSONObject(register.toJson())
        assertEquals(3, good.getInt("format"))
        val renamed = JSONObject(register.toJson())
        renamed.getJSONObject("lesson").put("id", "L-2")
        val e = assertThrows<EteException.MalformedInput> { Register.restore(renamed.toString()) }
        assertTrue(e.detail.contains("not those the register was opened with"), e.detail)
        val added = JSONObject(register.toJson())
        added.getJSONObject("entries").put("X", JSONObject(mapOf("providerMark" to null, "schoolDecision" to null, "contribution" to null)))
        assertThrows<EteException.MalformedInput> { Register.restore(added.toString()) }
        val noFormat = JSONObject(register.toJson())
        noFormat.remove("format")
        val e2 = assertThrows<EteException.MalformedInput> { Register.restore(noFormat.toString()) }
        assertTrue(e2.detail.contains("no format"), e2.detail)
    }

    @Test
    fun `a blank lesson or a register without learners is invalid field naming the field`() {
        for ((l, field) in listOf(lesson.copy(id = "") to "id", lesson.copy(provider = " ") to "provider")) {
            val e = assertThrows<EteException.InvalidField> { Register(l, listOf("A")) }
            assertTrue(e.detail.startsWith("invalid $field"), e.detail)
        }
        for (learners in listOf(emptyList(), listOf("A", "A"), listOf(""))) {
            val e = assertThrows<EteException.InvalidField> { Register(lesson, learners) }
            assertTrue(e.detail.contains("learners"), e.detail)
        }
    }

    private fun apply(at: Instant) = PlacementCommand("c1", Actor(Role.SCHOOL, "S-1"), at,
        PlacementAction.Apply(PlacementApplication(Tier.TIER1, "SCH-1", "PRV-1", "CRS-1", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2))))

    @Test
    fun `a placement carries a format and a chain and refuses a command dated before its last event`() {
        val p = Placement("PL-1", "LRN-1", null)
        p.execute(apply(Instant.parse("2026-11-02T09:00:00Z")))
        val snapshot = JSONObject(p.toJson())
        assertEquals(3, snapshot.getInt("format"))
        for ((key, value) in listOf<Pair<String, Any>>("id" to "PL-2", "learner" to "LRN-2",
                "referralPolicy" to JSONObject().put("riskAssessmentMonths", 12))) {
            val edited = JSONObject(p.toJson()).put(key, value)
            val err = assertThrows<EteException.MalformedInput> { Placement.restore(edited.toString()) }
            assertTrue(err.message!!.contains("opening hash differs"), err.message)
        }
        assertEquals(p.headHash(), snapshot.getJSONArray("chain").getString(0))
        val year0 = Instant.parse("0001-01-01T00:00:00Z")
        val e = assertThrows<EteException.InvalidField> {
            p.execute(PlacementCommand("c2", Actor(Role.HUB, "H-1"), year0, PlacementAction.Accept(LocalDate.of(2026, 11, 3))))
        }
        assertTrue(e.detail.startsWith("at "), e.detail)
        assertEquals(PlacementStatus.APPLIED, p.status())
        snapshot.getJSONArray("events").getJSONObject(0).getJSONObject("kind").getJSONObject("application").put("course", "CRS-2")
        val broken = assertThrows<EteException.MalformedInput> { Placement.restore(snapshot.toString()) }
        assertTrue(broken.detail.contains("breaks at event 0"), broken.detail)
        assertThrows<EteException.InvalidField> { Placement("PL-2", "LRN-1", null).execute(apply(year0)) }
    }

    @Test
    fun `a download dated before its send is invalid field naming at`() {
        val policy = RoutingPolicy()
        val exchange = Exchange(policy)
        val school = Organisation("school", "SCH-1", emptyMap())
        val file = TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment")
        exchange.confirm(planTransfer(policy, Organisation("hub", "HUB-1", emptyMap()), "CAP-7", listOf(file)), nine)
        val e = assertThrows<EteException.InvalidField> { exchange.download(1uL, "SCH-1", "T-1", nine.minusSeconds(60)) }
        assertTrue(e.detail.contains("before file 1 was sent"), e.detail)
        assertThrows<EteException.InvalidField> { exchange.downloadAll("SCH-1", "T-1", nine.minusSeconds(60)) }
        assertEquals(1uL, exchange.download(1uL, "SCH-1", "T-1", nine).fileId)
    }

    private fun file(born: String) = JSONObject(mapOf("record" to mapOf("learner" to "LRN-1", "school" to "SCH-1",
        "provider" to "PRV-1", "cohort" to "C1", "course" to "CRS-1",
        "details" to mapOf("forename" to "Zebedee", "surname" to "Quill", "dateOfBirth" to born)))).toString()

    @Test
    fun `an implausible date of birth is invalid field naming the field, never the date`() {
        val e = Establishment(Organisation("hub", "CAP", emptyMap()))
        for (born in listOf("+99999-01-01", "0001-01-01")) {
            val err = assertThrows<EteException.InvalidField> { e.insert(file(born)) }
            assertTrue(err.detail.contains("dateOfBirth"), err.detail)
            assertFalse(err.detail.contains(born.removePrefix("+")), err.detail)
        }
        assertEquals(1uL, e.insert(file("2010-05-01")).added)
    }

    @Test
    fun `a learner record parse error names its real line`() {
        val e = Establishment(Organisation("hub", "CAP", emptyMap()))
        val err = assertThrows<EteException.MalformedInput> {
            e.importRecord("{\n \"format\": \"ete-core/learner-record\",\n \"version\": \"one\"\n}")
        }
        assertTrue(err.detail.contains("line 3"), err.detail)
    }

    @Test
    fun `a changed pool log is refused naming the first changed event`() {
        val pool = LicencePool("Wales", 1u, nine)
        pool.execute("c1", "A", nine, Action.Request("P-1", AccountKind.LEARNER, null, listOf("A")))
        pool.execute("c2", "A", nine, Action.Request("P-2", AccountKind.LEARNER, null, listOf("A")))
        val snapshot = JSONObject(pool.toJson())
        assertEquals(4, snapshot.getInt("format"))
        val log = org.json.JSONArray(pool.eventsJson())
        log.getJSONObject(1).put("actor", "B")
        val e = assertThrows<EteException.MalformedInput> { LicencePool.restore(pool.toJson(), log.toString()) }
        assertTrue(e.detail.startsWith("event 1: the hash chain breaks: "), e.detail)
    }

    @Test
    fun `a pool command dated before the pool opened is invalid field naming at`() {
        val pool = LicencePool("Wales", 1u, nine)
        val e = assertThrows<EteException.InvalidField> {
            pool.execute("c1", "A", nine.minusSeconds(3600), Action.Request("P-1", AccountKind.LEARNER, null, listOf("A")))
        }
        assertTrue(e.detail.contains("before the pool was opened"), e.detail)
    }
}
