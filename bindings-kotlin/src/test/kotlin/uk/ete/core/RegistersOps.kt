package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONObject
import java.time.Instant
import java.time.LocalDate

/** The register ops of tests/vectors/registers.json (R-1..R-10). */
object RegistersOps {
    private val hub = Actor(Role.HUB, "CAP-1")

    private fun instant(s: String) = Instant.parse(s)

    private fun lesson(o: JSONObject) =
        Lesson(o.getString("id"), o.getString("provider"), instant(o.getString("startsAt")), instant(o.getString("endsAt")))

    private fun actor(o: JSONObject) = Actor(Role.valueOf(o.getString("role").uppercase()), o.getString("id"))

    private fun mark(o: JSONObject, key: String): Mark? = if (o.isNull(key)) null else markFromCode(o.getString(key))

    /** Registers whose marks are set by the hub after the lesson. */
    private fun registers(input: JSONObject): List<Register> = input.getJSONArray("registers").objects().map { r ->
        val marks = r.getJSONObject("marks")
        val l = lesson(r.getJSONObject("lesson"))
        val register = Register(l, marks.keySet().toList())
        for (learner in marks.keySet()) mark(marks, learner)?.let { register.mark(hub, learner, it, l.endsAt) }
        register
    }

    private fun summary(s: AttendanceSummary): Map<String, Any?> {
        val r = s.rates()
        val possible = s.possible()
        val parts = listOfNotNull(r?.attended, r?.authorised, r?.unauthorised, r?.unexplained, r?.dismissed)
        fun percent(f: Fraction?) = f?.let { fractionPercent(it, 1u) }
        return mapOf(
            "possible" to possible.toLong(), "unmarked" to s.unmarked.toLong(),
            "attended" to percent(r?.attended), "authorised" to percent(r?.authorised),
            "unauthorised" to percent(r?.unauthorised), "unexplained" to percent(r?.unexplained),
            "dismissed" to percent(r?.dismissed),
            "rates_sum_to_one" to (r != null && parts.all { it.denominator == possible } &&
                parts.sumOf { it.numerator } == possible.toLong()),
        )
    }

    /** A learner's or the group's statutory figures as the vectors spell them. */
    private fun figures(f: StatutoryFigures): Map<String, Any?> {
        val t = f.tally
        val categories = listOf(t.present, t.approvedActivity, t.authorised, t.unauthorised, t.notPossible,
            t.administrative, t.notCoded)
        return mapOf(
            "possible" to f.possible.toLong(), "attendance" to f.attendance.toLong(),
            "authorised" to t.authorised.toLong(), "unauthorised" to t.unauthorised.toLong(),
            "absences" to f.absences.toLong(), "not_possible" to t.notPossible.toLong(),
            "absence" to f.absencePercent, "persistent" to f.persistent, "severe" to f.severe,
            "sessions" to f.sessions.associate { it.code to it.sessions.toLong() },
            "unmarked" to f.unmarked.toLong(), "categories_total" to categories.sumOf { it.toLong() },
        )
    }

    fun run(op: String, input: JSONObject): Any? = when (op) {
        "mark_sequence" -> {
            val register = Register(lesson(input.getJSONObject("lesson")), input.getJSONArray("learners").strings())
            val decisions = input.getJSONArray("actions").objects().map { a ->
                val who = actor(a.getJSONObject("actor"))
                val learner = a.getString("learner")
                val m = mark(a, "mark")!!
                val at = instant(a.getString("at"))
                val d = register.check(who, learner, m, at)
                if (d.allowed) register.mark(who, learner, m, at)
                mapOf("allowed" to d.allowed, "reason" to d.reason.code())
            }
            val entries = register.entries().mapValues { (_, e) ->
                mapOf("provider_mark" to e.providerMark?.code(), "school_decision" to e.schoolDecision?.code(),
                    "current" to e.current()?.code())
            }
            mapOf("decisions" to decisions, "entries" to entries, "history" to register.events().size)
        }
        "summary" -> {
            val scope = input.getJSONObject("scope")
            val report = summarise(
                registers(input), instant(input.getString("now")),
                learners = scope.optJSONArray("learners")?.strings(),
                from = scope.optString("from", "").ifEmpty { null }?.let(LocalDate::parse),
                to = scope.optString("to", "").ifEmpty { null }?.let(LocalDate::parse),
            )
            mapOf("learners" to report.learners.mapValues { summary(it.value) }, "group" to summary(report.group),
                "incomplete_registers" to report.incompleteRegisters)
        }
        "statutory_summary", "statutory_csv" -> {
            val scope = input.getJSONObject("scope")
            val learners = scope.optJSONArray("learners")?.strings()
            val from = scope.optString("from", "").ifEmpty { null }?.let(LocalDate::parse)
            val to = scope.optString("to", "").ifEmpty { null }?.let(LocalDate::parse)
            val policy = input.optJSONObject("policy")?.toString()
            if (op == "statutory_csv") {
                mapOf("csv" to statutoryCsv(registers(input), learners, from, to, policy))
            } else {
                val report = statutorySummary(registers(input), learners, from, to, policy)
                mapOf("learners" to report.learners.associate { it.learner!! to figures(it) },
                    "group" to figures(report.group))
            }
        }
        "register_commands" -> {
            val l = lesson(input.getJSONObject("lesson"))
            val learners = input.getJSONArray("learners").strings()
            val register = Register(l, learners)
            val results = input.getJSONArray("commands").objects().map { c ->
                val a = c.getJSONObject("action")
                val learner = a.getString("learner")
                val action = when (a.getString("type")) {
                    "mark" -> RegisterAction.Mark(learner, markFromCode(a.getString("mark")))
                    "add_note" -> RegisterAction.AddNote(learner, a.getString("text"))
                    else -> RegisterAction.SetContribution(learner, a.getInt("score").toByte())
                }
                val command = RegisterCommand(c.getString("id"), actor(c.getJSONObject("actor")), instant(c.getString("at")), action)
                val before = register.toJson()
                try {
                    register.execute(command).map { it.kind.code() }
                } catch (e: EteException) {
                    check(register.toJson() == before) { "a refused command changed the register" }
                    mapOf("error" to e::class.simpleName)
                }
            }
            val snapshot = register.toJson()
            val entries = register.entries().mapValues { (_, e) ->
                mapOf("provider_mark" to e.providerMark?.code(), "school_decision" to e.schoolDecision?.code(),
                    "current" to e.current()?.code(), "contribution" to e.contribution?.toInt())
            }
            mapOf("results" to results, "entries" to entries, "notes" to register.notes().size,
                "events" to register.events().size,
                "replayed" to (Register.replay(l, learners, register.events()).toJson() == snapshot),
                "restored" to (Register.restore(snapshot).toJson() == snapshot))
        }
        "statutory_code" -> mapOf("code" to mark(input, "mark")?.let(::statutoryCode))
        "unprocessed" -> mapOf("absences" to unprocessedAbsences(registers(input), input.getJSONArray("learners").strings())
            .map { mapOf("lesson" to it.lesson, "learner" to it.learner) })
        "contribution" -> {
            val c = Contribution(input.getLong("value"))
            val out = when (input.getString("op")) {
                "new" -> c
                "increment" -> c.increment()
                "decrement" -> c.decrement()
                else -> throw AssertionError("unknown contribution op")
            }
            mapOf("value" to out.value().toLong())
        }
        "contribution_record" -> {
            val l = lesson(input.getJSONObject("lesson"))
            val register = Register(l, listOf("LRN-1"))
            mark(input, "mark")?.let { register.mark(hub, "LRN-1", it, l.endsAt) }
            val score = Contribution(input.getLong("score"))
            register.setContribution(actor(input.getJSONObject("actor")), "LRN-1", score, instant(input.getString("at")))
            mapOf("recorded" to register.entry("LRN-1")?.contribution?.toLong())
        }
        "contribution_summary" -> {
            val s = summariseContributions(input.getJSONArray("scores").let { a -> (0 until a.length()).map { a.getLong(it) } })
            mapOf("count" to s.count.toLong(), "sum" to s.sum, "mean" to s.meanText())
        }
        "note" -> {
            val l = Lesson("L-1", "PRV-1", instant("2026-11-24T09:00:00Z"), instant("2026-11-24T11:00:00Z"))
            val register = Register(l, listOf("LRN-1"))
            register.addNote(Actor(Role.PROVIDER, "TUTOR-3"), input.getString("learner"), input.getString("text"), l.endsAt)
            val record = RecordNotes("LRN-1")
            record.add(hub, "Initial assessment booked", l.startsAt)
            mapOf("record_notes" to record.notes(listOf(register)).size)
        }
        else -> null
    }
}
