package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONArray
import org.json.JSONObject

/** The columnar ops of tests/vectors/columns.json (H-3..H-8, H-10, R-7, R-8 in batch). */
object ColumnsOps {
    fun run(op: String, input: JSONObject): Any? = when (op) {
        "credit_columns" -> {
            val policy = if (input.has("policy")) creditPolicyFromJson(input.getJSONObject("policy").toString()) else null
            val out = creditColumns(
                longs(input.getJSONArray("actual")), longs(input.getJSONArray("guided")), flags(input, "passed")!!,
                repeat = flags(input, "repeat"), extraTime = flags(input, "extra_time"), policy = policy,
            )
            mapOf("credited" to out.credited.toList(), "reason" to (0 until out.size).map { out.reason(it).code() })
        }
        "ete_totals" -> {
            val t = eteTotals(longs(input.getJSONArray("requirement")), longs(input.getJSONArray("minutes")), longs(input.getJSONArray("required")))
            mapOf(
                "allowance" to t.allowance.toList(), "credited" to t.credited.toList(),
                "over_allowance" to t.overAllowance.toList(), "remaining" to t.remaining.toList(),
            )
        }
        "attendance_by_learner" -> {
            val marks = longs(input.getJSONArray("mark"))
            val a = attendanceByLearner(
                longs(input.getJSONArray("learner")), ByteArray(marks.size) { marks[it].toByte() }, input.getInt("learners"),
                policyJson = input.optJSONObject("policy")?.toString(),
                on = input.optString("on", "").ifEmpty { null }?.let(java.time.LocalDate::parse),
            )
            mapOf(
                "counts" to Mark.entries.associate { m -> m.code() to (0 until a.size).map { a.count(m, it) } },
                "unmarked" to a.unmarked.toList(), "possible" to a.possible.toList(), "attended" to a.attended.toList(),
                "statutory_possible" to a.statutoryPossible.toList(),
                "statutory_attendance" to a.statutoryAttendance.toList(),
                "authorised" to a.authorised.toList(), "unauthorised" to a.unauthorised.toList(),
                "absences" to a.absences.toList(), "persistent" to a.persistent.toList(), "severe" to a.severe.toList(),
            )
        }
        else -> null
    }

    private fun longs(values: JSONArray): LongArray = LongArray(values.length()) { values.getLong(it) }

    private fun flags(input: JSONObject, key: String): BooleanArray? =
        if (input.has(key)) input.getJSONArray(key).let { v -> BooleanArray(v.length()) { v.getBoolean(it) } } else null
}
