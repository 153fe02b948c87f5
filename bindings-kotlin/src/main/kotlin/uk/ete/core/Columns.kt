package uk.ete.core

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
    fun reason(row: Int): CreditReason = CreditReason.entries[reasonIndex[row].toInt()]
}

private fun LongArray.packed(): ByteArray {
    val buffer = ByteBuffer.allocate(size * 8).order(ByteOrder.LITTLE_ENDIAN)
    buffer.asLongBuffer().put(this)
    return buffer.array()
}

private fun BooleanArray?.packed(): ByteArray =
    this?.let { flags -> ByteArray(flags.size) { if (flags[it]) 1 else 0 } } ?: ByteArray(0)

private fun ByteArray.unpackedLongs(): LongArray {
    val longs = LongArray(size / 8)
    ByteBuffer.wrap(this).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(longs)
    return longs
}

/**
 * Credits N completions given as columns in one call across the FFI: the batch door for apps
 * that would otherwise cross once per record. [repeat] and [extraTime] default to all false.
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
    policy: CreditPolicy = CreditPolicy(),
): CreditColumns {
    val out = creditColumnsPacked(
        actual.packed(), guided.packed(), passed.packed(), repeat.packed(), extraTime.packed(), policy,
    )
    return CreditColumns(out.credited.unpackedLongs(), out.reason)
}
