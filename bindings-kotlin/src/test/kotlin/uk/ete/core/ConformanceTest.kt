package uk.ete.core

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.io.File
import java.time.LocalDate

/**
 * Runs every case of tests/vectors/learning_hours.json against the Kotlin API. The same file is
 * run by the Rust (core/tests/conformance.rs) and Python suites.
 */
class ConformanceTest {
    private val cases: List<JSONObject> = run {
        val dir = System.getProperty("ete.vectors.dir") ?: "../tests/vectors"
        val doc = JSONObject(File(dir, "learning_hours.json").readText())
        val array = doc.getJSONArray("cases")
        (0 until array.length()).map { array.getJSONObject(it) }
    }

    @Test
    fun `there are at least 30 cases`() {
        assertTrue(cases.size >= 30, "found ${cases.size}")
    }

    @TestFactory
    fun `learning hours vectors`(): List<DynamicTest> = cases.map { case ->
        DynamicTest.dynamicTest(case.getString("name")) {
            val outcome = runCatching { run(case.getString("op"), case.getJSONObject("input")) }
            if (case.has("error")) {
                val error = outcome.exceptionOrNull()
                assertTrue(error is EteException, "expected ${case.getString("error")}, got $outcome")
                assertEquals(case.getString("error"), error!!::class.simpleName)
            } else {
                check(case.get("expect"), outcome.getOrThrow(), "")
            }
        }
    }

    private fun run(op: String, input: JSONObject): Any = when (op) {
        "minutes_parse" -> mapOf("minutes" to parseMinutes(input.getString("text")))
        "minutes_format" -> mapOf("text" to formatMinutes(input.getLong("minutes")))
        "ratio_apply" -> {
            val rounding = if (input.getString("rounding") == "floor") Rounding.FLOOR else Rounding.HALF_UP
            mapOf("minutes" to applyRatio(input.getLong("minutes"), input.getLong("numerator"), input.getLong("denominator"), rounding))
        }
        "allowance_cap" -> {
            val pct = if (input.isNull("allowance_percent")) null else input.getInt("allowance_percent").toUInt()
            mapOf("cap" to allowanceCap(input.getLong("guided"), pct))
        }
        "credit_batch" -> creditBatchCase(input)
        "read_completions" -> {
            val text = input.getString("text")
            val strict = input.getBoolean("strict")
            val out = if (input.getString("format") == "json") readCompletionsJson(text, strict) else readCompletionsCsv(text, strict)
            mapOf(
                "accepted" to out.completions.size.toLong(),
                "rejects" to out.rejects.map { mapOf("position" to it.position, "field" to it.field, "reason" to it.reason) },
            )
        }
        "policy_from_json" -> {
            val p = creditPolicyFromJson(input.getString("json"))
            mapOf("allowance_percent" to p.allowancePercent.toLong(), "credit_repeats" to p.creditRepeats)
        }
        else -> throw AssertionError("unknown op $op")
    }

    private fun creditBatchCase(input: JSONObject): Any {
        val policy = if (input.has("policy")) creditPolicyFromJson(input.getJSONObject("policy").toString()) else CreditPolicy()
        val agreements = input.getJSONArray("agreements").objects().map { a ->
            ExtraTimeAgreement(
                personRef = a.getString("personRef"),
                agreedBy = a.getString("agreedBy"),
                agreedOn = LocalDate.parse(a.getString("agreedOn")),
                category = AgreementCategory.valueOf(a.getString("category").uppercase()),
                allowancePercent = if (a.has("allowancePercent")) a.getInt("allowancePercent").toUInt() else null,
            )
        }
        val prior = input.getJSONArray("prior").objects().map { PriorCredit(it.getString("personRef"), it.getString("courseName")) }
        val completions = readCompletionsJson(input.getJSONArray("completions").toString(), strict = true).completions
        val decisions = creditBatch(completions, agreements, prior, policy)
        return mapOf("decisions" to decisions.map {
            mapOf(
                "credited" to it.credited, "reason" to it.reason.code, "cap" to it.cap, "date" to it.date.toString(),
                "repeat" to it.repeat, "allowance_percent" to it.allowancePercent?.toLong(),
            )
        })
    }

    private fun JSONArray.objects(): List<JSONObject> = (0 until length()).map { getJSONObject(it) }

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
