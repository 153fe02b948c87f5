// The administrator's weekly learning-hours report from Kotlin, with ETE Core from its jar.
//
//   mvn -q package exec:exec            # in examples/kotlin, after `mvn install` in bindings-kotlin
//   java -cp <ete-core jar>:<jna jar>:<kotlin-stdlib jar>:<org.json jar>:target/classes \
//       uk.ete.examples.WeeklyReportKt [DATA_DIR [REPORT_DAY]]
//
// Prints, as examples/weekly_report.rs and examples/python/weekly_report.py do: per person, each
// credit decision against their requirement with its reason (H-8, H-10); the rejected records;
// the totals; the first lines of the nDelius evidence; and the licence pool rebuilt from its
// commands: dormant-login alerts per practitioner and the utilisation line (L-5, L-9).
// The native library comes out of the ete-core jar (JNA extracts it): no jna.library.path.
// org.json only reads this example's JSON files; ete-core itself needs nothing but JNA.
package uk.ete.examples

import org.json.JSONArray
import org.json.JSONObject
import uk.ete.core.*
import uk.ete.core.types.*
import java.io.File
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    val dir = File(args.getOrNull(0) ?: "../data")
    val day = LocalDate.parse(args.getOrNull(1) ?: "2026-11-23")
    try {
        report(dir, day)
    } catch (e: EteException) {
        System.err.println("weekly_report: ${e.message}")
        exitProcess(1)
    }
}

private fun File.json(name: String) = resolve(name).readText()

private fun String.code() = uppercase() // uniffi enum constants are the codes in upper case

fun report(dir: File, day: LocalDate) {
    val read = readCompletionsCsv(dir.json("completions.csv"), strict = false)
    val agreements = JSONArray(dir.json("agreements.json")).map { it as JSONObject }.map { a ->
        ExtraTimeAgreement(
            a.getString("personRef"), a.getString("agreedBy"), LocalDate.parse(a.getString("agreedOn")),
            AgreementCategory.valueOf(a.getString("category").code()),
            if (a.has("allowancePercent")) a.getInt("allowancePercent").toUInt() else null,
        )
    }
    val prior = JSONArray(dir.json("prior_credits.json")).map { it as JSONObject }
        .map { PriorCredit(it.getString("personRef"), it.getString("courseName")) }
    val policy = creditPolicyFromJson(dir.json("policy.json"))
    val requirements = JSONArray(dir.json("requirements.json")).map { Requirement.fromJson(it.toString()) }

    val decisions = creditAgainstRequirements(read.completions, requirements, agreements, prior, policy)
    for ((person, items) in decisions.groupBy { it.personRef }.toSortedMap()) {
        println("$person  credit ${items.sumOf { it.credited }.asHoursAndMinutes()}")
        for (d in items.sortedWith(compareBy({ it.date }, { it.position }))) {
            println("  ${d.date}  ${d.courseName.padEnd(28)} ${d.credited.asHoursAndMinutes()}  ${d.reason.code()}")
        }
    }
    for (reject in read.rejects) println("rejected: ${reject.position} ${reject.field}: ${reject.reason}")
    println("total credited ${decisions.sumOf { it.credited }.asHoursAndMinutes()} over ${decisions.size} completions")
    println("\nnDelius evidence (first lines):")
    println(ndeliusEvidenceCsv(decisions).lines().take(4).joinToString("\n"))
    printLicences(dir, day.atStartOfDay().toInstant(ZoneOffset.UTC))
}

/** The licence pool rebuilt from its commands: dormant-login alerts and utilisation (L-5, L-9). */
fun printLicences(dir: File, now: Instant) {
    val spec = JSONObject(dir.json("licences.json"))
    val practitioners = JSONObject(dir.json("practitioners.json"))
    val pool = LicencePool(
        spec.getString("region"), spec.getInt("capacity").toUInt(), Instant.parse(spec.getString("openedAt")),
        poolPolicyFromJson(spec.getJSONObject("policy").toString()),
    )
    for (c in spec.getJSONArray("commands").map { it as JSONObject }) {
        val at = Instant.parse(c.getString("at"))
        if (!at.isBefore(now)) continue
        val a = c.getJSONObject("action")
        val person = a.optString("person")
        val action = when (a.getString("type")) {
            "request" -> Action.Request(
                person, AccountKind.valueOf(a.optString("kind", "learner").code()), null,
                a.optJSONArray("courses")?.map { it as String } ?: emptyList(),
            )
            "login" -> Action.Login(person)
            "complete_course" -> Action.CompleteCourse(person, a.getString("course"))
            "deactivate" -> Action.Deactivate(person, DeactivationReason.valueOf(a.getString("reason").code()))
            "report_dormant" -> Action.ReportDormant
            else -> error("unknown command type ${a.getString("type")}")
        }
        try {
            pool.execute(c.getString("id"), c.getString("actor"), at, action)
        } catch (e: EteException) {
            println("command ${c.getString("id")} refused: ${e.message}")
        }
    }
    println("\nLicence pool ${pool.region()}: dormant logins to raise with practitioners")
    for (d in pool.dormantLogins(now)) {
        val what = if (d.neverLoggedIn) "issued, never logged in" else "logged in, then stopped"
        println("  ${practitioners.optString(d.person, "unassigned").padEnd(10)} ${d.person} $what (${d.days} days)")
    }
    val u = pool.utilisation(now)
    println(
        "utilisation: capacity ${u.capacity}, allocated ${u.allocated}, free ${u.free}, waiting ${u.waiting}, " +
            "dormant ${u.dormant}, ready to deactivate ${u.readyToDeactivate}, average days held ${u.averageDaysText()}",
    )
}
