package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

/**
 * The committed fixtures of every format (tests/fixtures/, issue 14 item 9) load from Kotlin:
 * today's (-v2) restore and write back the same JSON; the formats before (-v1) migrate on read.
 */
class FixturesTest {
    private val dir = File(System.getProperty("ete.fixtures.dir") ?: "../tests/fixtures")
    private fun text(name: String) = File(dir, name).readText()
    private fun same(a: String, b: String) = assertTrue(org.json.JSONObject(a).similar(org.json.JSONObject(b)), "$a\n$b")

    @Test
    fun `exchange fixtures load and format 1 migrates`() {
        val today = Exchange.fromJson(text("exchange-v2.json"))
        same(text("exchange-v2.json"), today.toJson())
        val old = Exchange.fromJson(text("exchange-v1.json"))
        assertEquals(listOf(1uL to true), old.inbox("SCH-1").map { it.file.id to it.downloaded })
        assertEquals(listOf(2uL to false), today.inbox("PRV-1").map { it.file.id to it.downloaded })
        assertEquals(3, old.events().size)
    }

    @Test
    fun `register, requirement and pool fixtures load and format 1 migrates`() {
        val register = Register.restore(text("register-v3.json"))
        same(text("register-v3.json"), register.toJson())
        for (old in listOf("register-v1.json", "register-v2.json")) {
            assertEquals(register.toJson(), Register.restore(text(old)).toJson(), old)
        }
        val requirement = Requirement.fromJson(text("requirement-v3.json"))
        same(text("requirement-v3.json"), requirement.toJson())
        for (old in listOf("requirement-v1.json", "requirement-v2.json")) {
            assertEquals(requirement.toJson(), Requirement.fromJson(text(old)).toJson(), old)
        }
        val pool = LicencePool.restore(text("pool-v4.json"), text("pool-log-v2.json"))
        same(text("pool-v4.json"), pool.toJson())
        for (old in listOf("pool-v2.json", "pool-v3.json")) {
            assertEquals(pool.toJson(), LicencePool.restore(text(old), text("pool-log-v2.json")).toJson(), old)
        }
        assertEquals(pool.toJson(), LicencePool.restore(text("pool-v1.json"), text("pool-log-v1.json")).toJson())
    }

    @Test
    fun `placement fixtures load and format 1 migrates`() {
        val today = Placement.restore(text("placement-v3.json"))
        same(text("placement-v3.json"), today.toJson())
        for (old in listOf("placement-v1.json", "placement-v2.json")) {
            assertEquals(today.toJson(), Placement.restore(text(old)).toJson(), old)
        }
        assertEquals(PlacementStatus.STARTED, today.status())
        val chain = org.json.JSONObject(text("placement-v3.json")).getJSONArray("chain")
        assertEquals(chain.getString(chain.length() - 1), today.headHash())
    }

    @Test
    fun `policy fixtures with their format load and another format is refused`() {
        assertEquals(creditPolicyFromJson("{}"), creditPolicyFromJson(text("credit-policy-v1.json")))
        assertEquals(readPolicyDefault(), readPolicyFromJson(text("reading-policy-v1.json")))
        assertEquals(poolPolicyFromJson("{}"), poolPolicyFromJson(text("pool-policy-v1.json")))
        same(text("staff-policy-v1.json"), StaffPolicy.fromJson(text("staff-policy-v1.json")).toJson())
        assertEquals(1, org.json.JSONObject(RoutingPolicy().toJson()).getInt("format"))
        for (read in listOf<(String) -> Any>({ creditPolicyFromJson(it) }, { readPolicyFromJson(it) }, { poolPolicyFromJson(it) },
            { StaffPolicy.fromJson(it) }, { RoutingPolicy.fromJson(it) })) {
            val e = org.junit.jupiter.api.assertThrows<EteException.InvalidPolicy> { read("""{"format": 2}""") }
            assertTrue(e.detail.contains("format 2 is newer"), e.detail)
        }
    }

    @Test
    fun `policy fixtures load`() {
        assertEquals(RoutingPolicy().toJson(), RoutingPolicy.fromJson(text("routing-policy-v1.json")).toJson())
        val terms = RequirementTerms("R-1", "P-1", OrderKind.ADULT, 6000, java.time.LocalDate.of(2026, 1, 5))
        val withFixture = Requirement(terms, text("ledger-policy-v1.json"))
        assertEquals(Requirement(terms).toJson(), withFixture.toJson())
    }
}
