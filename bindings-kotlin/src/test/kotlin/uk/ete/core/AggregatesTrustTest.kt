package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import java.time.LocalDate

/** Issues 13 and 14 for the aggregates, through Kotlin. */
class AggregatesTrustTest {
    private val nine = Instant.parse("2026-11-24T09:00:00Z")
    private val csv = "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes\n" +
        "P-1,Budgeting,2026-11-02T14:05:00Z,Completed,95,120\n" +
        "P-2,Budgeting,2019-06-01T10:00:00Z,Completed,95,120\n"

    @Test
    fun `a lesson ending at or before its start is refused naming ends_at`() {
        for (ends in listOf(nine, nine.minusSeconds(60))) {
            val e = assertThrows<EteException.InvalidField> { Register(Lesson("L-1", "PRV-1", nine, ends), listOf("LRN-1")) }
            assertTrue(e.detail.contains("ends_at"), e.detail)
        }
    }

    @Test
    fun `the readers take core's reading policy`() {
        val default = readPolicyDefault()
        assertEquals(default, readPolicyFromJson("{}"))
        assertEquals(2, readCompletionsCsv(csv).completions.size)
        val narrow = default.copy(earliest = LocalDate.of(2020, 1, 1))
        val read = readCompletionsCsv(csv, policy = narrow)
        assertEquals(1, read.completions.size)
        assertEquals("completionDateTime", read.rejects.single().field)
        assertEquals(0, readCompletionsJson("[]", policy = narrow).completions.size)
        val inverted = default.copy(earliest = LocalDate.of(2101, 1, 1))
        assertThrows<EteException.InvalidPolicy> { readCompletionsCsv(csv, policy = inverted) }
        assertThrows<EteException.InvalidPolicy> { readPolicyFromJson("""{"earliest": "2101-01-01"}""") }
        assertEquals(narrow, readPolicyFromJson(readPolicyToJson(narrow)))
    }

    @Test
    fun `every aggregate has a head hash and a broken chain is refused naming its position`() {
        val policy = RoutingPolicy()
        val exchange = Exchange(policy)
        val file = TransferFile("a.pdf", Organisation("school", "SCH-1"), "dsl", "CFC JN", "risk_assessment")
        exchange.confirm(planTransfer(policy, Organisation("hub", "HUB-1"), "CAP-7", listOf(file, file)), nine)
        exchange.downloadAll("SCH-1", "T-1", nine)
        assertEquals(exchange.headHash(), verifyChain(exchange.toJson()))
        val snapshot = org.json.JSONObject(exchange.toJson())
        assertEquals(2, snapshot.getInt("format"))
        snapshot.getJSONArray("events").getJSONObject(2).put("actor", "T-2")
        snapshot.getJSONArray("receipts").getJSONObject(0).put("by", "T-2")
        val e = assertThrows<EteException.MalformedInput> { Exchange.fromJson(snapshot.toString()) }
        assertTrue(e.message!!.contains("hash chain breaks at event 2"), e.message)
        assertThrows<EteException.MalformedInput> { verifyChain(snapshot.toString()) }

        val r = Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, 6000, LocalDate.of(2026, 1, 5)))
        val empty = r.headHash()
        r.record(LedgerEntry("e1", LocalDate.of(2026, 1, 6), "SUP-1", LedgerEventKind.Extension(1u)))
        // The opening hash covers the terms and the policy (format 3): an edit is refused.
        assertTrue(r.headHash() != empty && empty != "0".repeat(64))
        val edited = org.json.JSONObject(r.toJson())
        edited.getJSONObject("terms").put("required", 3000)
        val o = assertThrows<EteException.MalformedInput> { Requirement.fromJson(edited.toString()) }
        assertTrue(o.message!!.contains("opening hash differs"), o.message)
        assertEquals(r.headHash(), verifyChain(r.toJson()))
        val newer = org.json.JSONObject(r.toJson()).put("format", 99)
        val n = assertThrows<EteException.MalformedInput> { Requirement.fromJson(newer.toString()) }
        assertTrue(n.message!!.contains("format 99 is newer"), n.message)

        val reg = Register(Lesson("L-1", "PRV-1", nine, nine.plusSeconds(3600)), listOf("A"))
        assertEquals(reg.headHash(), verifyChain(reg.toJson()))
        val pool = LicencePool("Wales", 1u, nine)
        assertTrue(pool.headHash() != null)
    }
}
