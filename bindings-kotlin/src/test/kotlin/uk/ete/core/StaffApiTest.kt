package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate

/** Staff learning and eligibility (S-1..S-4) from Kotlin: core's records, java.time dates, no names shown. */
class StaffApiTest {
    private val record = StaffRecord(
        id = "S-1", name = "Morgan Privateperson",
        qualifications = listOf(Qualification("a1", 3u, LocalDate.of(2020, 2, 1))),
        workingTowards = emptyList(),
        roles = listOf(RoleHeld("pso", LocalDate.of(2019, 1, 1)), RoleHeld("assessor", LocalDate.of(2020, 1, 31))),
        directlyEmployed = true, probationPassed = true, formalProcedure = false,
        cpdReviewedOn = LocalDate.of(2025, 3, 1),
        completions = listOf(LearningCompletion("wrap3", LocalDate.of(2023, 1, 31))),
    )

    @Test
    fun `a record built in Kotlin gets core's decision`() {
        val d = taskDecision(StaffPolicy(), record, "assess_l3_vq", LocalDate.of(2025, 9, 1))
        assertEquals(TaskStatus.ELIGIBLE, d.status)
        assertEquals("eligible", d.status.code())
        val iv = taskDecision(StaffPolicy(), record, "internal_verification", LocalDate.of(2025, 9, 1))
        assertEquals(listOf("qualification"), iv.missing.map { it.kind.code() })
    }

    @Test
    fun `toString and errors never show the name`() {
        val on = LocalDate.of(2025, 9, 1)
        val shown = record.toString() + taskDecision(StaffPolicy(), record, "assess_l3_vq", on) +
            teamCompliance(StaffPolicy(), listOf(record), on, 30u) + complianceCsv(teamCompliance(StaffPolicy(), listOf(record), on, 30u))
        assertFalse(shown.contains("Morgan"), shown)
        assertTrue(record.toString().contains("S-1"), record.toString())
        val e = assertThrows<EteException.MalformedInput> { staffRecordFromJson("""{"id": "S-1", "name": "Morgan", "cpdReviewedOn": "Morgan"}""") }
        assertFalse(e.message!!.contains("Morgan"), e.message)
        val candidate = Candidate("C-7", LocalDate.of(2025, 3, 14), listOf("zz_private_offence")).toString()
        assertTrue(candidate.contains("C-7") && !candidate.contains("zz_private") && !candidate.contains("2025"), candidate)
    }

    @Test
    fun `mandatory learning counts the older course until it expires`() {
        val s = mandatoryStatus(StaffPolicy(), record, LocalDate.of(2026, 1, 30)).single()
        assertEquals(LearningState.DUE_SOON, s.state)
        assertEquals("wrap3", s.counted)
        assertEquals(LocalDate.of(2026, 1, 31), s.expiresOn)
        assertEquals(LearningState.EXPIRED, mandatoryStatus(StaffPolicy(), record, LocalDate.of(2026, 1, 31)).single().state)
    }

    @Test
    fun `a policy value out of range is InvalidPolicy naming field value and range`() {
        val e = assertThrows<EteException.InvalidPolicy> { StaffPolicy.fromJson("""{"dueSoonDays": 5000}""") }
        assertTrue(e.message!!.contains("dueSoonDays is 5000: expected 0..=3660"), e.message)
    }

    @Test
    fun `GFiE vacancy and programme dates`() {
        val v = Vacancy("V-1", "hmpps_band_4", 24u, listOf("bpss"), "deputy_director")
        assertTrue(vacancyDecision(StaffPolicy(), v).qualifies)
        assertEquals(listOf(GfieReason.TERM_TOO_LONG), vacancyDecision(StaffPolicy(), v.copy(fixedTermMonths = 25u)).reasons)
        val d = pqipDecision(StaffPolicy(), record, PqipRoute.PSO, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31))
        assertTrue(d.eligible, d.reasons.toString())
        assertEquals(LocalDate.of(2027, 2, 28), d.programme!!.level6From)
    }
}
