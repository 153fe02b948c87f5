package uk.ete.core.bench

import uk.ete.core.types.*

import uk.ete.core.creditColumns
import kotlin.random.Random

/**
 * Per-row cost of the batch door (`creditColumns`, one call for many rows) against one call per
 * row, in one run. Prints nanoseconds and the ratio; asserts nothing (run by benches/run.sh):
 *
 *   mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=uk.ete.core.bench.BatchBenchKt
 */
fun main() {
    val rng = Random(7)
    val n = 200_000
    val guided = LongArray(n) { 30 + rng.nextLong(210) }
    val actual = LongArray(n) { (guided[it] + rng.nextLong(-60, 90)).coerceAtLeast(0) }
    val passed = BooleanArray(n) { rng.nextDouble() > 0.1 }
    val repeat = BooleanArray(n) { rng.nextDouble() < 0.05 }
    val extra = BooleanArray(n) { rng.nextDouble() < 0.3 }
    val perCallRows = 20_000
    var sink = 0L

    fun batch(): Double {
        val start = System.nanoTime()
        sink += creditColumns(actual, guided, passed, repeat, extra).credited[n - 1]
        return (System.nanoTime() - start).toDouble() / n
    }

    fun perRow(): Double {
        val start = System.nanoTime()
        for (i in 0 until perCallRows) {
            sink += creditColumns(
                longArrayOf(actual[i]), longArrayOf(guided[i]), booleanArrayOf(passed[i]),
                booleanArrayOf(repeat[i]), booleanArrayOf(extra[i]),
            ).credited[0]
        }
        return (System.nanoTime() - start).toDouble() / perCallRows
    }

    repeat(3) { batch(); perRow() } // warm up the JIT and the library
    val batchNs = (1..5).minOf { batch() }
    val rowNs = (1..5).minOf { perRow() }
    println("kotlin creditColumns: batch of $n rows %.1f ns/row; one call per row %.1f ns/row; per-row cost ratio 1/%.0f (checksum $sink)"
        .format(batchNs, rowNs, rowNs / batchNs))
}
