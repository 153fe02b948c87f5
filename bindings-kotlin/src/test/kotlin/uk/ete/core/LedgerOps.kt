package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONObject
import java.time.LocalDate

/** The ledger and report ops of tests/vectors/upw_ledger.json (H-9..H-16). */
object LedgerOps {
    private fun date(s: String) = LocalDate.parse(s)

    private fun <T : Enum<T>> enumOf(values: Array<T>, snake: String): T = values.first { it.name == snake.uppercase() }

    private fun entry(e: JSONObject): LedgerEntry {
        val event = when (e.getString("type")) {
            "work_appointment" -> LedgerEventKind.WorkAppointment(e.getLong("minutes"), enumOf(AppointmentOutcome.values(), e.getString("outcome")))
            "ete_credit" -> LedgerEventKind.EteCredit(e.getLong("minutes"), e.getString("courseName"))
            "adjustment" -> LedgerEventKind.Adjustment(e.getLong("minutes"))
            "extension" -> LedgerEventKind.Extension(e.getInt("months").toUInt())
            else -> throw AssertionError("unknown entry type ${e.getString("type")}")
        }
        return LedgerEntry(e.optString("id").ifEmpty { null }, date(e.getString("date")), e.getString("by"), event)
    }

    private fun requirement(input: JSONObject): Requirement {
        val t = input.getJSONObject("terms")
        val terms = RequirementTerms(
            id = t.getString("id"),
            personRef = t.getString("personRef"),
            kind = enumOf(OrderKind.values(), t.getString("kind")),
            required = t.getLong("required"),
            start = date(t.getString("start")),
            incentiveEligible = t.getBoolean("incentiveEligible"),
        )
        val r = Requirement(terms, policyJson = if (input.has("policy")) input.getJSONObject("policy").toString() else null)
        input.getJSONArray("entries").objects().forEach { r.record(entry(it)) }
        return r
    }

    private fun statusMap(s: LedgerStatus): Map<String, Any?> = mapOf(
        "required" to s.required, "adjustments" to s.adjustments, "completed" to s.completed,
        "ete_completed" to s.eteCompleted, "ete_allowance" to s.eteAllowance, "ete_remaining" to s.eteRemaining,
        "discount" to s.discount, "remaining" to s.remaining, "end_date" to s.endDate.toString(),
        "complete" to s.complete, "overdue" to s.overdue,
        "incentive" to mapOf(
            "state" to s.incentive.state.name.lowercase(), "qualifying" to s.incentive.qualifying,
            "threshold" to s.incentive.threshold, "current_discount" to s.incentive.currentDiscount,
            "maximum_discount" to s.incentive.maximumDiscount, "projected_discount" to s.incentive.projectedDiscount,
        ),
    )

    private fun rowMap(r: ReportRow): Map<String, Any?> = mapOf(
        "group" to r.group, "completions" to r.completions.toLong(), "courses_completed" to r.coursesCompleted.toLong(),
        "minutes_credited" to r.minutesCredited, "actual_minutes" to r.actualMinutes, "guided_minutes" to r.guidedMinutes,
        "agreements_used" to r.agreementsUsed.toLong(), "duplicates" to r.duplicates.toLong(), "failures" to r.failures.toLong(),
    )

    private fun completions(input: JSONObject, key: String = "completions") =
        readCompletionsJson(input.getJSONArray(key).toString(), strict = true).completions

    fun run(op: String, input: JSONObject): Any? = when (op) {
        "ledger_status" -> statusMap(requirement(input).status(date(input.getString("on"))))
        "ledger_ete_fit" -> requirement(input).eteFit(input.getLong("proposed")).let { mapOf("fits" to it.fits, "rest" to it.rest) }
        "credit_against_requirements" -> {
            val requirements = input.getJSONArray("requirements").objects().map { requirement(it) }
            val decisions = creditAgainstRequirements(completions(input), requirements)
            mapOf("decisions" to decisions.map { mapOf("credited" to it.credited, "reason" to it.reason.code(), "requirement_id" to it.requirementId) })
        }
        "record_credits" -> {
            val requirements = input.getJSONArray("requirements").objects().map { requirement(it) }
            val decisions = creditAgainstRequirements(completions(input), requirements)
            val into = input.getJSONArray("record_into").let { a -> (0 until a.length()).map { a.getString(it) } }
            val targets = requirements.filter { it.id() in into }
            val recorded = recordCredits(targets, decisions, input.getString("by"))
            mapOf("recorded" to recorded.toLong(), "ete_completed" to targets.associate { it.id() to it.status(LocalDate.of(9999, 12, 31)).eteCompleted })
        }
        "delivery" -> deliveryAgainstTarget(input.getLong("delivered"), input.getLong("baseline"), input.getInt("target_percent").toUInt())
            .let { mapOf("target" to it.target, "achieved_tenths" to it.achievedTenths.toLong()) }
        "completion_report" -> {
            val cs = completions(input)
            val practitioners = input.getJSONObject("practitioners").let { p -> p.keySet().associateWith { p.getString(it) } }
            val report = completionReport(
                cs, creditBatch(cs), practitioners, date(input.getString("from")), date(input.getString("to")),
                enumOf(Grouping.values(), input.getString("grouping")),
            )
            mapOf("rows" to report.rows.map { rowMap(it) }, "total" to rowMap(report.total))
        }
        else -> null
    }
}
