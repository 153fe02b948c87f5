package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONObject
import java.time.Instant
import java.time.LocalDate

/** The licence ops of tests/vectors/licences.json (L-1..L-9). */
object LicencesOps {
    private val opened = Instant.parse("2026-11-01T09:00:00Z")

    private fun <T : Enum<T>> enumOf(values: Array<T>, snake: String): T = values.first { it.name == snake.uppercase() }

    private fun policy(o: JSONObject): PoolPolicy = poolPolicyFromJson(o.toString())

    private fun action(a: JSONObject): Action = when (a.getString("type")) {
        "set_capacity" -> Action.SetCapacity(a.getInt("capacity").toUInt())
        "request" -> Action.Request(
            a.getString("person"),
            if (a.has("kind")) enumOf(AccountKind.values(), a.getString("kind")) else AccountKind.LEARNER,
            a.optString("requirementEnd", "").ifEmpty { null }?.let(LocalDate::parse),
            a.optJSONArray("courses")?.strings() ?: emptyList(),
        )
        "login" -> Action.Login(a.getString("person"))
        "complete_course" -> Action.CompleteCourse(a.getString("person"), a.getString("course"))
        "deactivate" -> Action.Deactivate(a.getString("person"), enumOf(DeactivationReason.values(), a.getString("reason")))
        "withdraw" -> Action.Withdraw(a.getString("person"))
        "report_dormant" -> Action.ReportDormant
        else -> throw AssertionError("unknown command ${a.getString("type")}")
    }

    private fun state(pool: LicencePool): Map<String, Any?> = mapOf(
        "capacity" to pool.capacity().toLong(), "allocated" to pool.allocated().toLong(), "free" to pool.free().toLong(),
        "waiting" to pool.waiting(), "events" to pool.eventCount().toLong(),
        "accounts" to pool.accounts().associate { it.person to it.state.name.lowercase() },
    )

    private fun runPool(input: JSONObject): Map<String, Any?> {
        val p = input.optJSONObject("policy")?.let(::policy)
        val pool = LicencePool(input.getString("region"), input.getInt("capacity").toUInt(), opened, p, "ADMIN-1")
        val results = input.getJSONArray("commands").objects().map { c ->
            val before = pool.toJson()
            try {
                pool.execute(c.getString("id"), c.getString("actor"), Instant.parse(c.getString("at")), action(c.getJSONObject("action")))
                    .map { it.kind.code() }
            } catch (e: EteException) {
                check(pool.toJson() == before) { "a refused command changed the pool" }
                mapOf("error" to e::class.simpleName)
            }
        }
        val out = mutableMapOf("results" to results, "state" to state(pool), "ready" to pool.readyToDeactivate())
        if (input.has("now")) {
            val now = Instant.parse(input.getString("now"))
            out["dormant"] = pool.dormantLogins(now).map { mapOf("person" to it.person, "neverLoggedIn" to it.neverLoggedIn, "days" to it.days) }
            val u = pool.utilisation(now)
            out["utilisation"] = mapOf(
                "capacity" to u.capacity.toLong(), "allocated" to u.allocated.toLong(), "free" to u.free.toLong(),
                "waiting" to u.waiting.toLong(), "dormant" to u.dormant.toLong(), "readyToDeactivate" to u.readyToDeactivate.toLong(),
                "averageDaysHeld" to u.averageDaysText(),
            )
        }
        return out
    }

    private fun runSessions(input: JSONObject): Map<String, Any?> {
        val s = AccessSessions(input.getString("region"))
        val day = { o: JSONObject, k: String -> LocalDate.parse(o.getString(k)) }
        val results = input.getJSONArray("steps").objects().map { step ->
            try {
                when (step.getString("op")) {
                    "schedule" -> s.schedule(step.getString("id"), step.getString("site"), day(step, "date"), step.getString("supervisor"),
                        step.getInt("places").toUInt(), step.getInt("laptops").toUInt())
                    "book" -> s.book(step.getString("session"), step.getString("person"))
                    "lend" -> s.lend(step.getString("session"), step.getString("person"), step.getString("laptop"), day(step, "on"), day(step, "expectedReturn"))
                    "return" -> s.returnLaptop(step.getString("laptop"), day(step, "on"))
                    else -> throw AssertionError("unknown step")
                }
                "ok"
            } catch (e: EteException) {
                mapOf("error" to e::class.simpleName)
            }
        }
        val today = LocalDate.parse(input.optString("today", "2026-12-01"))
        return mapOf("results" to results, "overdue" to s.overdue(today).map { it.laptop },
            "out" to s.laptopsOut().toLong(), "sessions" to s.sessionCount().toLong())
    }

    fun run(op: String, input: JSONObject): Any? = when (op) {
        "pool" -> runPool(input)
        "policy" -> {
            val p = policy(input.getJSONObject("policy"))
            val pool = LicencePool("X", 0u, opened, p)
            val opened = pool.events().first().kind as EventKind.Opened
            mapOf("waitingOrder" to opened.policy.waitingOrder.name.lowercase(), "dormancyDays" to opened.policy.dormancyDays.toLong(),
                "reclaimDormant" to opened.policy.reclaimDormant, "releaseWhenReady" to opened.policy.releaseWhenReady,
                "staffUseLicences" to opened.policy.staffUseLicences)
        }
        "replay" -> state(LicencePool.replay(input.getJSONArray("events").toString()))
        "sessions" -> runSessions(input)
        else -> null
    }
}
