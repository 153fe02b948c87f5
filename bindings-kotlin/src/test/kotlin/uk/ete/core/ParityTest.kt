package uk.ete.core

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.File

/** Every public core operation is reachable from Kotlin: tests/parity.json names each one. */
class ParityTest {
    private val manifest: JSONObject = run {
        val dir = System.getProperty("ete.vectors.dir") ?: "../tests/vectors"
        JSONObject(File(File(dir).parentFile, "parity.json").readText())
    }

    /** The file facades holding top-level functions (`ete_core.kt` → `Ete_coreKt`, `Columns.kt`, …). */
    private val facades: List<Class<*>> = File(ParityTest::class.java.protectionDomain.codeSource.location.toURI())
        .resolve("../classes/uk/ete/core").listFiles().orEmpty()
        .map { it.name }.filter { it.endsWith("Kt.class") && !it.contains('$') }
        .map { Class.forName("uk.ete.core." + it.removeSuffix(".class")) }

    private fun kotlinNames(entry: JSONObject): List<String> = when (val v = entry.opt("kotlin")) {
        is String -> listOf(v)
        is JSONArray -> (0 until v.length()).map { v.getString(it) }
        else -> emptyList()
    }

    /** A JVM method for a Kotlin name (functions taking `UInt`/`ULong` get a `-hash` suffix). */
    private fun java.lang.reflect.Method.isNamed(name: String) = this.name == name || this.name.startsWith("$name-")

    private fun Class<*>.has(member: String): Boolean {
        val getter = "get" + member.replaceFirstChar { it.uppercase() }
        val companion = declaredClasses.firstOrNull { it.simpleName == "Companion" }
        return listOfNotNull(this, companion).any { c -> c.methods.any { it.isNamed(member) || it.isNamed(getter) } }
    }

    private fun reachable(name: String): Boolean {
        val parts = name.split('.')
        // The binding's own types are in uk.ete.core, core's in uk.ete.core.types.
        val type = listOf("uk.ete.core.", "uk.ete.core.types.")
            .firstNotNullOfOrNull { runCatching { Class.forName(it + parts[0]) }.getOrNull() }
        return when {
            parts.size == 2 -> type?.has(parts[1]) == true
            type != null -> true
            else -> facades.any { f -> f.methods.any { it.isNamed(name) } }
        }
    }

    private fun entries(key: String): List<JSONObject> =
        manifest.getJSONArray(key).let { a -> (0 until a.length()).map { a.getJSONObject(it) } }

    @TestFactory
    fun `every core operation has its Kotlin name`(): List<DynamicTest> = entries("operations").map { entry ->
        DynamicTest.dynamicTest(entry.getString("core")) {
            val names = kotlinNames(entry)
            assertTrue(names.isNotEmpty(), "no Kotlin name in tests/parity.json")
            val missing = names.filterNot(::reachable)
            assertTrue(missing.isEmpty(), "${entry.getString("core")}: uk.ete.core lacks $missing")
        }
    }

    @TestFactory
    fun `a listed gap is still a gap`(): List<DynamicTest> = entries("gaps").filter { it.has("kotlin") }.map { entry ->
        DynamicTest.dynamicTest(entry.getString("core")) {
            assertFalse(kotlinNames(entry).any(::reachable), "${entry.getString("core")} exists now: move it to 'operations'")
        }
    }
}
