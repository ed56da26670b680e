/**
 * The project's one diagnostic type ({@link io.github.oruk.model.diagnostic.Diagnostic}: code, severity,
 * pointer, message, fix), its one line format, and the one registry of every code the project emits
 * ({@link io.github.oruk.model.diagnostic.DiagnosticCodes}), with aliases for codes that name the same fact.
 */
@NullMarked
package io.github.oruk.model.diagnostic;

import org.jspecify.annotations.NullMarked;
