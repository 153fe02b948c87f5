package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONArray
import org.json.JSONObject
import java.time.LocalDate

/** The learning-hours ops of tests/vectors/learning_hours.json (H-1..H-8). */
object HoursOps {
    fun run(op: String, input: JSONObject): Any? = when (op) {
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
        else -> null
    }

    private fun creditBatchCase(input: JSONObject): Any {
        val policy = if (input.has("policy")) creditPolicyFromJson(input.getJSONObject("policy").toString()) else null
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
                "credited" to it.credited, "reason" to it.reason.code(), "cap" to it.cap, "date" to it.date.toString(),
                "repeat" to it.repeat, "allowance_percent" to it.allowancePercent?.toLong(),
            )
        })
    }
}

/** The objects of a JSON array. */
fun JSONArray.objects(): List<JSONObject> = (0 until length()).map { getJSONObject(it) }
fun JSONArray.strings(): List<String> = (0 until length()).map { getString(it) }
