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
    }
}
