package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

class ApiTest {
    private fun completion(actual: Long = 150, guided: Long = 120, ref: String = "P-1") = Completion(
        externalReference = ref,
        courseName = "Digital skills",
        completionDateTime = Instant.parse("2026-11-02T14:05:00Z"),
        status = CompletionStatus.COMPLETED,
        totalTimeMinutes = actual,
        expectedTimeMinutes = guided,
        firstName = "Alex",
        email = "alex@example.invalid",
        dateOfBirth = LocalDate.of(1990, 1, 2),
    )

    @Test
    fun `dates and instants are java time types`() {
        val c = completion()
        assertEquals(Instant.parse("2026-11-02T14:05:00Z"), c.completionDateTime)
        assertEquals(LocalDate.of(2026, 11, 2), creditBatch(listOf(c)).single().date)
        assertEquals(LocalDate.of(1990, 1, 2), c.dateOfBirth)
    }

    @Test
    fun `toString shows ids only`() {
        val c = completion()
        val shown = c.toString() + creditBatch(listOf(c)).toString()
        listOf("Alex", "alex@example.invalid", "1990").forEach { assertFalse(shown.contains(it), "$shown shows $it") }
        assertTrue(c.toString().contains("\"P-1\"") && c.toString().contains("Digital skills"), c.toString())
    }

    @Test
    fun `errors are a sealed class with one subclass per kind`() {
        val minutes = assertThrows<EteException.InvalidMinutes> { parseMinutes("2:75") }
        assertTrue(minutes.detail.contains("\"2:75\""))
        val field = assertThrows<EteException.InvalidField> { creditBatch(listOf(completion(guided = 0))) }
        assertTrue(field.detail.contains("expectedTimeMinutes") && field.detail.contains("H-1"))
        assertThrows<EteException.InvalidMinutes> { creditBatch(listOf(completion(actual = -1))) }
        val rejected = assertThrows<EteException.RejectedRecords> { readCompletionsJson("[{}]", strict = true) }
        assertEquals(listOf(0L), rejected.rejects.map { it.position })
        val error: EteException = rejected
        val kind = when (error) {
            is EteException.InvalidMinutes, is EteException.InvalidRatio, is EteException.InvalidField,
            is EteException.MalformedInput, is EteException.InvalidPolicy, is EteException.OutOfOrder,
            is EteException.EteAllowanceExceeded, is EteException.UnknownRequirement, is EteException.TransferRefused,
            is EteException.NotRecipient, is EteException.RiskAssessmentTooOld, is EteException.MarkRefused,
            is EteException.NotOnRegister, is EteException.InvalidContribution, is EteException.UnknownPerson,
            is EteException.InvalidTransition, is EteException.CapacityExceeded -> "other"
            is EteException.RejectedRecords -> "rejected"
        }
        assertEquals("rejected", kind)
    }

    @Test
    fun `an agreement caps at the allowance and explains why`() {
        val agreement = ExtraTimeAgreement("P-1", "PR-7", LocalDate.of(2026, 10, 1), AgreementCategory.NEURODIVERSITY)
        val d = creditBatch(listOf(completion(actual = 200)), listOf(agreement)).single()
        assertEquals(144L, d.credited)
        assertEquals(CreditReason.CAPPED_AT_ALLOWANCE, d.reason)
        assertEquals("capped_at_allowance", d.reason.code())
        assertTrue(d.reason.explanation().contains("allowance"))
        assertEquals("02:24", d.credited.asHoursAndMinutes())
    }

    @Test
    fun `a bad policy is refused when used`() {
        assertThrows<EteException.InvalidPolicy> { creditBatch(listOf(completion()), policy = defaultCreditPolicy().copy(allowancePercent = 101u)) }
    }

    @Test
    fun `completions are shared safely between threads`() {
        val completions = (0 until 2_000).map { completion(actual = (it % 300).toLong(), ref = "P-${it % 50}") }
        val expected = creditBatch(completions)
        val pool = Executors.newFixedThreadPool(8)
        val results = (0 until 8).map { pool.submit<List<CreditDecision>> { creditBatch(completions) } }
        pool.shutdown()
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS))
        results.forEach { assertEquals(expected, it.get()) }
    }

    @Test
    fun `a course needs guided time and language tags`() {
        val course = checkedCourse(Course("CC-101", "Budgeting", "Meganexus", "Online", listOf("en", "cy", "pl"), 60))
        assertEquals(listOf("en", "cy", "pl"), course.languages)
        assertEquals(60L, course.guided)
        assertThrows<EteException.InvalidField> { checkedCourse(Course("CC-102", "Empty", "Meganexus", "Online", listOf("en"), 0)) }
        assertThrows<EteException.InvalidField> { checkedCourse(Course(" ", "No id", "Meganexus", "Online", listOf("en"), 60)) }
        assertThrows<EteException.InvalidField> { checkedCourse(Course("CC-103", "Bad tag", "Meganexus", "Online", listOf("1x"), 60)) }
    }

    @Test
    fun `a completion round trips through the portal JSON`() {
        val json = """[{"externalReference": "P-1", "courseName": "Digital skills", "completionDateTime": "2026-11-02T14:05:00Z",
            "status": "Passed", "totalTimeMinutes": 150, "expectedTimeMinutes": 120, "firstName": "Alex",
            "email": "alex@example.invalid", "dateOfBirth": "1990-01-02"}]"""
        assertEquals(completion(), readCompletionsJson(json, strict = true).completions.single())
    }
}
