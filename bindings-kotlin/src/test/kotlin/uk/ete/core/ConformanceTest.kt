package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.File

/**
 * Runs every case of each vector file in tests/vectors against the Kotlin API. The same files are
 * run by the Rust (core/tests/conformance/) and Python suites.
 */
class ConformanceTest {
    /** Each vector file, the least number of cases it must hold, and its ops. */
    private val files = listOf(
        Triple("learning_hours.json", 30, HoursOps::run),
        Triple("upw_ledger.json", 40, LedgerOps::run),
        Triple("routing.json", 40, RoutingOps::run),
        Triple("registers.json", 40, RegistersOps::run),
        Triple("licences.json", 30, LicencesOps::run),
        Triple("columns.json", 40, ColumnsOps::run),
        Triple("staff.json", 60, StaffOps::run),
        Triple("training_records.json", 50, TrainingOps::run),
    )

    private fun cases(file: String): List<JSONObject> {
        val dir = System.getProperty("ete.vectors.dir") ?: "../tests/vectors"
        return JSONObject(File(dir, file).readText()).getJSONArray("cases").objects()
    }

    @TestFactory
    fun `each file has enough cases`(): List<DynamicTest> = files.map { (file, least, _) ->
        DynamicTest.dynamicTest(file) { assertTrue(cases(file).size >= least, "$file: ${cases(file).size} cases") }
    }

    @TestFactory
    fun vectors(): List<DynamicTest> = files.flatMap { (file, _, ops) ->
        cases(file).map { case ->
            DynamicTest.dynamicTest("$file::${case.getString("name")}") {
                val op = case.getString("op")
                val outcome = runCatching { ops(op, case.getJSONObject("input")) ?: throw AssertionError("unknown op $op") }
                if (case.has("error")) {
                    val error = outcome.exceptionOrNull()
                    assertTrue(error is EteException, "expected ${case.getString("error")}, got $outcome")
                    assertEquals(case.getString("error"), error!!::class.simpleName)
                } else {
                    check(case.get("expect"), outcome.getOrThrow(), "")
                }
            }
        }
    }

    /** Objects in `expected` may name only some keys; `reason_excludes` bans text in `reason`. */
    private fun check(expected: Any?, actual: Any?, path: String) {
        when (expected) {
            is JSONObject -> {
                val map = actual as? Map<*, *> ?: throw AssertionError("$path: expected an object, got $actual")
                for (key in expected.keySet()) {
                    if (key == "reason_excludes") {
                        assertFalse((map["reason"] as String).contains(expected.getString(key)), "$path.reason repeats it")
                    } else {
                        check(expected.get(key), map[key], "$path.$key")
                    }
                }
            }
            is JSONArray -> {
                val list = actual as? List<*> ?: throw AssertionError("$path: expected a list, got $actual")
                assertEquals(expected.length(), list.size, "$path: length")
                for (i in 0 until expected.length()) check(expected.get(i), list[i], "$path[$i]")
            }
            JSONObject.NULL -> assertEquals(null, actual, path)
            is Number -> assertEquals(expected.toLong(), (actual as? Number)?.toLong(), path)
            else -> assertEquals(expected, actual, path)
        }
    }
}
