package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONArray
import org.json.JSONObject
import java.time.LocalDate

/** The staff ops of tests/vectors/staff.json (S-1..S-4). */
object StaffOps {
    private fun policy(input: JSONObject): StaffPolicy =
        if (input.has("policy")) StaffPolicy.fromJson(input.getJSONObject("policy").toString()) else StaffPolicy()

    private fun record(o: JSONObject): StaffRecord = staffRecordFromJson(o.toString())

    private fun day(input: JSONObject, key: String): LocalDate = LocalDate.parse(input.getString(key))

    private fun strings(a: JSONArray?): List<String> = (0 until (a?.length() ?: 0)).map { a!!.getString(it) }

    private fun assessments(input: JSONObject): List<VqAssessment> = input.getJSONArray("assessments").objects().map {
        VqAssessment(it.getString("id"), it.getString("assessor"), if (it.isNull("verifier")) null else it.getString("verifier"))
    }

    fun run(op: String, input: JSONObject): Any? = when (op) {
        "mandatory" -> mapOf("statuses" to mandatoryStatus(policy(input), record(input.getJSONObject("record")), day(input, "on")).map {
            mapOf("course" to it.course, "state" to it.state.code(), "counted" to it.counted,
                "completedOn" to it.completedOn?.toString(), "expiresOn" to it.expiresOn?.toString())
        })
        "task" -> {
            val d = taskDecision(policy(input), record(input.getJSONObject("record")), input.getString("task"), day(input, "on"))
            mapOf("status" to d.status.code(), "due" to d.due?.toString(), "since" to d.since?.toString(),
                "missing" to d.missing.map { it.kind.code() }, "desirable" to d.desirable)
        }
        "pqip" -> {
            val route = PqipRoute.values().first { it.code() == input.getString("route") }
            val start = if (input.has("start")) day(input, "start") else null
            val d = pqipDecision(policy(input), record(input.getJSONObject("record")), route, day(input, "on"), start)
            mapOf("eligible" to d.eligible, "reasons" to d.reasons.map { it.code() }, "graduate" to d.graduate,
                "programme" to d.programme?.let {
                    mapOf("startsOn" to it.startsOn.toString(), "dipHe" to it.dipHe, "level6From" to it.level6From.toString(), "endsOn" to it.endsOn.toString())
                })
        }
        "vacancy" -> {
            val v = input.getJSONObject("vacancy")
            val vacancy = Vacancy(v.getString("id"), v.getString("band"),
                if (v.isNull("fixedTermMonths")) null else v.getInt("fixedTermMonths").toUInt(),
                strings(v.optJSONArray("clearances")), if (v.isNull("approvedBy")) null else v.getString("approvedBy"))
            val d = vacancyDecision(policy(input), vacancy)
            mapOf("qualifies" to d.qualifies, "reasons" to d.reasons.map { it.code() })
        }
        "candidate" -> {
            val c = input.getJSONObject("candidate")
            val candidate = Candidate(c.getString("id"), day(c, "sentenceCompletedOn"), strings(c.optJSONArray("convictions")))
            val d = candidateDecision(policy(input), candidate, day(input, "on"))
            mapOf("qualifies" to d.qualifies, "reasons" to d.reasons.map { it.code() }, "windowEndsOn" to d.windowEndsOn.toString())
        }
        "feedback_due" -> mapOf("due" to feedbackDue(policy(input), day(input, "interview")).toString())
        "verify" -> verificationCheck(assessments(input), input.getString("assessment"), input.getString("verifier"))
            .let { mapOf("allowed" to it.allowed, "reason" to it.reason.code()) }
        "conflicts" -> mapOf("conflicts" to objectivityConflicts(assessments(input)).map { it.id })
        "compliance" -> {
            val records = input.getJSONArray("records").objects().map { record(it) }
            val report = teamCompliance(policy(input), records, day(input, "on"), input.getInt("withinDays").toUInt())
            mapOf("rows" to report.rows.size, "csvHeader" to complianceCsv(report).lines().first(),
                "attention" to needingAttention(report).map { "${it.person} ${it.item} ${it.attention.code()}" })
        }
        "staff_policy_load" -> policy(input).let {
            mapOf("tasks" to it.tasks().size, "mandatory" to JSONObject(it.toJson()).getJSONArray("mandatory").length())
        }
        else -> null
    }
}
