package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONArray
import org.json.JSONObject
import java.time.LocalDate

/** The training-record ops of tests/vectors/training_records.json (P-1..P-6, T-2, T-8). */
object TrainingOps {
    private val here = Organisation("hub", "CAP", emptyMap())

    private fun day(text: String): LocalDate = LocalDate.parse(text)

    private fun org(o: JSONObject): Organisation = Organisation(o.getString("kind"), o.getString("id"), emptyMap())

    private fun holding(organisation: Organisation, files: JSONArray): Establishment {
        val e = Establishment(organisation)
        for (f in files.objects()) e.insert(f.toString())
        return e
    }

    private fun code(e: Enum<*>?): String? = e?.name?.lowercase()

    private fun query(input: JSONObject): ListQuery {
        val q = input.optJSONObject("query") ?: JSONObject()
        val text = { k: String -> if (q.has(k)) q.getString(k) else null }
        return ListQuery(
            provider = text("provider"), cohort = text("cohort"), school = text("school"), surname = text("surname"),
            status = text("status")?.let { s -> PlacementStatus.values().first { code(it) == s } },
            sort = text("sort")?.let { s -> SortKey.values().first { code(it) == s } } ?: SortKey.SURNAME,
            page = if (q.has("page")) q.getInt("page").toUInt() else 1u,
            size = if (q.has("size")) q.getInt("size").toUInt() else 20u,
        )
    }

    private fun row(r: RecordRow): Map<String, Any?> = mapOf(
        "learner" to r.learner, "status" to code(r.status), "attendanceRate" to r.attendanceRate,
        "attended" to r.attended.toLong(), "possible" to r.possible.toLong(), "authorised" to r.authorised.toLong(),
        "unauthorised" to r.unauthorised.toLong(), "unexplained" to r.unexplained.toLong(),
        "contributionCount" to r.contributionCount.toLong(), "contributionMean" to r.contributionMean,
        "unitsCompleted" to r.unitsCompleted.toLong(), "unitsTotal" to r.unitsTotal.toLong(),
        "latestAppraisal" to r.latestAppraisal?.toString(), "targetsAchieved" to r.targetsAchieved.toLong(),
        "targetsSet" to r.targetsSet.toLong(), "targetsOverdue" to r.targetsOverdue.toLong(),
    )

    private fun runPlacement(input: JSONObject): Map<String, Any?> {
        val months = if (input.has("riskAssessmentMonths")) input.getInt("riskAssessmentMonths").toUInt() else null
        val p = Placement(input.getString("id"), input.getString("learner"), months)
        val results = input.getJSONArray("commands").objects().map { c ->
            val before = p.toJson()
            try {
                p.execute(placementCommandFromJson(c.toString())).map { it.kind::class.simpleName!!.lowercase() }
            } catch (e: EteException) {
                check(p.toJson() == before) { "a refused command changed the placement" }
                mapOf("error" to e::class.simpleName)
            }
        }
        val restored = Placement.restore(p.toJson()).toJson() == p.toJson()
        return mapOf("results" to results, "status" to code(p.status()), "events" to p.events().size.toLong(), "restored" to restored)
    }

    private fun runRecord(input: JSONObject): Map<String, Any?> {
        val file = input.getJSONObject("file")
        val e = holding(here, JSONArray().put(file))
        val learner = file.getJSONObject("record").getString("learner")
        val on = day(input.getString("on"))
        return mapOf(
            "progress" to e.progress(learner).map { mapOf("qualification" to it.qualification, "completed" to it.completed.toLong(), "counted" to it.counted.toLong()) },
            "appraisals" to e.appraisals(learner).map { it.id },
            "overdue" to e.overdueTargets(learner, on).map { it.id },
            "notes" to e.notes(learner).size.toLong(),
            "row" to row(e.row(learner, on)),
        )
    }

    private fun runList(input: JSONObject): Map<String, Any?> {
        val page = holding(here, input.getJSONArray("files")).listRecords(query(input), day(input.getString("on")))
        return mapOf("total" to page.total.toLong(), "page" to page.page.toLong(), "size" to page.size.toLong(),
            "pages" to page.pages.toLong(), "learners" to page.rows.map { it.learner })
    }

    private fun runCsv(input: JSONObject): Map<String, Any?> {
        val text = holding(here, input.getJSONArray("files")).csv(query(input), day(input.getString("on")), input.getBoolean("redacted"))
        val lines = text.lines().filter { it.isNotEmpty() }
        return mapOf("lines" to lines, "rows" to (lines.size - 1).toLong(), "firstColumn" to lines.drop(1).map { it.split(",")[0] })
    }

    private fun runTransfer(input: JSONObject): Map<String, Any?> {
        val policy = if (input.isNull("policy")) RoutingPolicy() else RoutingPolicy.fromJson(input.getJSONObject("policy").toString())
        val source = holding(org(input.getJSONObject("source")), input.getJSONArray("sourceFiles"))
        val learner = input.getString("learner")
        val doc = source.exportRecord(learner, org(input.getJSONObject("destination")), input.getString("role"), policy)
        val at = input.optJSONObject("importAt") ?: input.getJSONObject("destination")
        val target = holding(org(at), input.getJSONArray("held"))
        val outcomes = (0 until input.getInt("imports")).map {
            val before = target.toJson()
            try {
                target.importRecord(doc).let { o -> mapOf("added" to o.added.toLong(), "updated" to o.updated.toLong()) }
            } catch (e: EteException) {
                check(target.toJson() == before) { "a refused import changed the establishment" }
                throw e
            }
        }
        val held = target.record(learner)
        return mapOf(
            "outcomes" to outcomes,
            "equal" to (JSONObject(target.fileJson(learner)).similar(JSONObject(source.fileJson(learner)))),
            "held" to mapOf(
                "units" to held.unitGroups.flatMap { it.units }.associate { it.id to code(it.status) },
                "achieved" to held.targets.associate { it.id to it.achieved },
            ),
        )
    }

    private fun runImport(input: JSONObject): Map<String, Any?> {
        val o = Establishment(org(input.getJSONObject("organisation"))).importRecord(input.getJSONObject("document").toString())
        return mapOf("added" to o.added.toLong(), "updated" to o.updated.toLong())
    }

    private fun runAssessment(input: JSONObject): Map<String, Any?> {
        val file = input.getJSONObject("file")
        val e = holding(here, JSONArray().put(file))
        val learner = input.optString("learner", "").ifEmpty { file.getJSONObject("record").getString("learner") }
        val months = if (input.has("validMonths")) input.getInt("validMonths").toUInt() else 12u
        val n = e.needsAssessment(learner, input.getString("subject"), day(input.getString("on")), AssessmentPolicy(months))
        return mapOf("decision" to code(n.decision), "assessment" to n.assessment, "assessedOn" to n.assessedOn?.toString(),
            "provider" to n.provider, "validUntil" to n.validUntil?.toString())
    }

    fun run(op: String, input: JSONObject): Any? = when (op) {
        "placement" -> runPlacement(input)
        "record" -> runRecord(input)
        "records_list" -> runList(input)
        "records_csv" -> runCsv(input)
        "record_transfer" -> runTransfer(input)
        "record_import" -> runImport(input)
        "needs_assessment" -> runAssessment(input)
        else -> null
    }
}
