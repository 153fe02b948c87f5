package uk.ete.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import java.time.LocalDate
import kotlin.random.Random

/** The batch door (`creditColumns`) gives the record API's answers. */
class ColumnsApiTest {
    @Test
    fun `creditColumns equals creditBatch on random completions`() {
        val rng = Random(2026)
        val n = 2_000
        val person = IntArray(n) { rng.nextInt(200) }
        val course = IntArray(n) { rng.nextInt(6) }
        val minute = LongArray(n) { rng.nextLong(60L * 24 * 20) }
        val passed = BooleanArray(n) { rng.nextDouble() > 0.15 }
        val guided = LongArray(n) { 1 + rng.nextLong(200) }
        val actual = LongArray(n) { rng.nextLong(300) }
        val agreed = BooleanArray(200) { rng.nextDouble() < 0.3 }
        val start = Instant.parse("2026-11-01T00:00:00Z")
        val completions = (0 until n).map {
            Completion(
                externalReference = "P-${person[it]}",
                courseName = "Course ${course[it]}",
                completionDateTime = start.plusSeconds(minute[it] * 60),
                status = if (passed[it]) "Completed" else "Failed",
                totalTimeMinutes = actual[it],
                expectedTimeMinutes = guided[it],
            )
        }
        val agreements = (0 until 200).filter { agreed[it] }.map {
            ExtraTimeAgreement("P-$it", "S-1", LocalDate.of(2026, 1, 5), AgreementCategory.NEURODIVERSITY)
        }
        val decisions = creditBatch(completions, agreements)
        val repeat = BooleanArray(n) { decisions[it].repeat }
        val out = creditColumns(actual, guided, passed, repeat, BooleanArray(n) { agreed[person[it]] })
        assertEquals(n, out.size)
        assertEquals(decisions.map { it.credited }, out.credited.toList())
        assertEquals(decisions.map { it.reason }, (0 until n).map { out.reason(it) })
    }

    @Test
    fun `optional columns default to false and the policy applies`() {
        val out = creditColumns(longArrayOf(150, 90), longArrayOf(120, 120), booleanArrayOf(true, true))
        assertEquals(listOf(120L, 90L), out.credited.toList())
        assertEquals(CreditReason.CAPPED_AT_GUIDED_TIME, out.reason(0))
        val generous = creditColumns(
            longArrayOf(170), longArrayOf(120), booleanArrayOf(true),
            extraTime = booleanArrayOf(true), policy = CreditPolicy(allowancePercent = 50u),
        )
        assertEquals(CreditReason.WITHIN_ALLOWANCE, generous.reason(0))
    }

    @Test
    fun `bad columns are refused with the column and the row`() {
        val lengths = assertThrows<EteException.InvalidField> {
            creditColumns(longArrayOf(1, 2), longArrayOf(1), booleanArrayOf(true, true))
        }
        assertTrue(lengths.detail.contains("column guided has 1 rows but actual has 2"), lengths.detail)
        val negative = assertThrows<EteException.InvalidMinutes> {
            creditColumns(longArrayOf(1, -5), longArrayOf(1, 1), booleanArrayOf(true, true))
        }
        assertTrue(negative.detail.startsWith("actual[1] = -5"), negative.detail)
        assertThrows<EteException.InvalidPolicy> {
            creditColumns(longArrayOf(1), longArrayOf(1), booleanArrayOf(true), policy = CreditPolicy(allowancePercent = 101u))
        }
    }
}
