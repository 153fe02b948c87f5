package uk.ete.core

import uk.ete.core.types.*

import java.nio.ByteBuffer
import java.nio.ByteOrder

/**
 * Credit decisions for N completions from one call (H-3..H-8): [credited] minutes and the
 * [reason] of each row, in input order.
 */
class CreditColumns internal constructor(
    /** Minutes to credit, one per completion. */
    val credited: LongArray,
    private val reasonIndex: ByteArray,
) {
    /** The number of rows. */
    val size: Int get() = credited.size

    /** Why row [row] is credited as it is. */
    fun reason(row: Int): CreditReason = reasonsByIndex[reasonIndex[row].toInt() and 0xFF]
}

/** Core's reasons by the index the batch door returns, read once: not the enum's own order. */
private val reasonsByIndex: List<CreditReason> by lazy { creditReasons() }

/** Core's marks by the index the attendance batch door takes, read once: not the enum's order. */
private val marksByIndex: List<Mark> by lazy { marks() }

/** The index of [mark] in the attendance batch door's mark column (core's `Mark::ALL` order). */
fun markIndex(mark: Mark): Int = marksByIndex.indexOf(mark)

private fun LongArray.packed(): ByteArray {
    val buffer = ByteBuffer.allocate(size * 8).order(ByteOrder.LITTLE_ENDIAN)
    buffer.asLongBuffer().put(this)
    return buffer.array()
}

private fun BooleanArray.packed(): ByteArray = ByteArray(size) { if (this[it]) 1 else 0 }

private fun ByteArray.unpackedFlags(): BooleanArray = BooleanArray(size) { this[it] != 0.toByte() }

private fun ByteArray.unpackedLongs(): LongArray {
    val longs = LongArray(size / 8)
    ByteBuffer.wrap(this).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(longs)
    return longs
}

/**
 * Credits N completions given as columns in one call across the FFI: the batch door for apps
 * that would otherwise cross once per record. [repeat] and [extraTime] default to all false;
 * [policy] null is core's default.
 *
 * ```
 * val out = creditColumns(longArrayOf(150, 90), longArrayOf(120, 120), booleanArrayOf(true, true))
 * out.credited.toList() == listOf(120L, 90L)
 * out.reason(0) == CreditReason.CAPPED_AT_GUIDED_TIME
 * ```
 *
 * @throws EteException.InvalidField when columns differ in length (naming both)
 * @throws EteException.InvalidMinutes when a value is negative or too large (naming the row)
 */
fun creditColumns(
    actual: LongArray,
    guided: LongArray,
    passed: BooleanArray,
    repeat: BooleanArray? = null,
    extraTime: BooleanArray? = null,
    policy: CreditPolicy? = null,
): CreditColumns {
    val out = creditColumnsPacked(
        actual.packed(), guided.packed(), passed.packed(), repeat?.packed(), extraTime?.packed(), policy,
    )
    return CreditColumns(out.credited.unpackedLongs(), out.reason)
}

/** ETE credit per requirement, capped by the allowance (H-10): one value per requirement. */
class EteTotals internal constructor(
    /** The ETE allowance: `floor(required × 30%)`. */
    val allowance: LongArray,
    /** The credit that counts: the sum of the rows, capped at the allowance. */
    val credited: LongArray,
    /** What the rows came to beyond the allowance (not counted). */
    val overAllowance: LongArray,
    /** What remains of the allowance. */
    val remaining: LongArray,
)

/**
 * Totals ETE credit rows by requirement in one call (H-10). [requirement] holds, per row, an
 * index into [required] (the minutes each requirement orders); [minutes] the row's ETE credit.
 *
 * ```
 * val t = eteTotals(longArrayOf(0, 0, 1), longArrayOf(600, 300, 60), longArrayOf(2400, 6000))
 * t.allowance.toList() == listOf(720L, 1800L); t.credited.toList() == listOf(720L, 60L)
 * ```
 *
 * @throws EteException.InvalidField when columns differ in length or an index is out of range
 * @throws EteException.InvalidMinutes when minutes are negative or too large (naming the row)
 */
fun eteTotals(
    requirement: LongArray,
    minutes: LongArray,
    required: LongArray,
    policyJson: String? = null,
): EteTotals {
    val out = eteTotalsPacked(requirement.packed(), minutes.packed(), required.packed(), policyJson)
    return EteTotals(
        out.allowance.unpackedLongs(), out.credited.unpackedLongs(),
        out.overAllowance.unpackedLongs(), out.remaining.unpackedLongs(),
    )
}

/** Attendance per learner: one value per learner, in learner-index order. */
class AttendanceColumns internal constructor(
    private val counts: LongArray,
    /** Entries not marked yet. */
    val unmarked: LongArray,
    /** Possible sessions. */
    val possible: LongArray,
    /** Sessions attended: present or late. */
    val attended: LongArray,
    private val statutory: LongArray,
    /** Authorised and unauthorised absences by the category of each mark's code. */
    val absences: LongArray,
    /** Absence rate at or above the persistent threshold. */
    val persistent: BooleanArray,
    /** Absence rate at or above the severe threshold. */
    val severe: BooleanArray,
) {
    /** The number of learners. */
    val size: Int get() = possible.size

    /** Statutory possible sessions: entries whose code is attendance or absence. */
    val statutoryPossible: LongArray get() = statutory.copyOfRange(0, size)
    /** Statutory attendance: present or an approved educational activity by the code. */
    val statutoryAttendance: LongArray get() = statutory.copyOfRange(size, 2 * size)
    /** Authorised absences by the code. */
    val authorised: LongArray get() = statutory.copyOfRange(2 * size, 3 * size)
    /** Unauthorised absences by the code, N included. */
    val unauthorised: LongArray get() = statutory.copyOfRange(3 * size, 4 * size)

    /** How many of [learner]'s entries have [mark]. */
    fun count(mark: Mark, learner: Int): Long = counts[markIndex(mark) * size + learner]
}

/**
 * Attendance per learner from columns of register entries, in one call. [learner]
 * holds each entry's learner index in `0 until learners`; [mark] its mark as `markIndex(mark)`, or
 * -1 for an entry not marked yet. [learners] null means the largest index + 1 (core's default).
 *
 * ```
 * val a = attendanceByLearner(longArrayOf(0, 0, 1), byteArrayOf(0, 4, -1))
 * a.possible.toList() == listOf(2L, 0L); a.count(Mark.UNAUTHORISED_ABSENCE, 0) == 1L
 * ```
 *
 * @throws EteException.InvalidField when columns differ in length, an index or mark code is
 *   out of range (naming the row and value), or [learners] (or an index) is negative or beyond the
 *   most learners one call tabulates; nothing is allocated for it
 * @throws EteException.InvalidPolicy when [policyJson] maps a mark to a code unknown or not valid
 *   on [on] (null: the current code set)
 */
fun attendanceByLearner(
    learner: LongArray,
    mark: ByteArray,
    learners: Int? = null,
    policyJson: String? = null,
    on: java.time.LocalDate? = null,
): AttendanceColumns {
    // A negative count becomes a huge unsigned one, which core refuses as too large.
    val out = attendanceByLearnerPacked(learner.packed(), mark, learners?.toULong(), policyJson, on)
    return AttendanceColumns(
        out.counts.unpackedLongs(), out.unmarked.unpackedLongs(), out.possible.unpackedLongs(),
        out.attended.unpackedLongs(), out.statutory.unpackedLongs(), out.absences.unpackedLongs(),
        out.persistent.unpackedFlags(), out.severe.unpackedFlags(),
    )
}
