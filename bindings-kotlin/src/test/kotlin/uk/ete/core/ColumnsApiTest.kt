package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import java.time.LocalDate
import kotlin.random.Random

/** The batch doors (`creditColumns`, `eteTotals`, `attendanceByLearner`). */
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
                status = if (passed[it]) CompletionStatus.COMPLETED else CompletionStatus.FAILED,
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
            extraTime = booleanArrayOf(true), policy = defaultCreditPolicy().copy(allowancePercent = 50u),
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
            creditColumns(longArrayOf(1), longArrayOf(1), booleanArrayOf(true), policy = defaultCreditPolicy().copy(allowancePercent = 101u))
        }
    }

    @Test
    fun `an explicitly empty flag column is a length error, not an absent one`() {
        val e = assertThrows<EteException.InvalidField> {
            creditColumns(longArrayOf(90), longArrayOf(120), booleanArrayOf(true), repeat = BooleanArray(0))
        }
        assertTrue(e.detail.contains("repeat"), e.detail)
    }

    @Test
    fun `eteTotals caps each requirement at its allowance`() {
        val t = eteTotals(longArrayOf(0, 0, 1), longArrayOf(600, 300, 60), longArrayOf(2400, 6000))
        assertEquals(listOf(720L, 1800L), t.allowance.toList())
        assertEquals(listOf(720L, 60L), t.credited.toList())
        assertEquals(listOf(180L, 0L), t.overAllowance.toList())
        assertEquals(listOf(0L, 1740L), t.remaining.toList())
        val e = assertThrows<EteException.InvalidField> { eteTotals(longArrayOf(2), longArrayOf(60), longArrayOf(2400)) }
        assertTrue(e.detail.startsWith("requirement[0] = 2"), e.detail)
    }

    @Test
    fun `attendanceByLearner counts each mark for each learner`() {
        val marks = Mark.entries
        val rng = Random(7)
        val n = 3_000
        val learner = LongArray(n) { rng.nextLong(40) }
        val mark = ByteArray(n) { (rng.nextInt(marks.size + 1) - 1).toByte() }
        val a = attendanceByLearner(learner, mark)
        assertEquals(40, a.size)
        for (l in 0 until 40) {
            for (m in marks) {
                val expected = (0 until n).count { learner[it] == l.toLong() && mark[it].toInt() == markIndex(m) }.toLong()
                assertEquals(expected, a.count(m, l), "learner $l, $m")
            }
            val unmarked = (0 until n).count { learner[it] == l.toLong() && mark[it].toInt() == -1 }.toLong()
            assertEquals(unmarked, a.unmarked[l])
        }
        assertEquals(0, attendanceByLearner(LongArray(0), ByteArray(0)).size)
        assertThrows<EteException.InvalidField> { attendanceByLearner(longArrayOf(0), byteArrayOf(8)) }
        assertThrows<EteException.InvalidField> { attendanceByLearner(longArrayOf(0), byteArrayOf(0), learners = -1) }
    }
}
