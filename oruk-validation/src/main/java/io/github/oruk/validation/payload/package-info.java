/**
 * Conformance of payloads: JSON Schemas derived from the spec document (behind the replaceable
 * {@link io.github.oruk.validation.payload.PayloadValidator}), and the rules a schema cannot express.
 */
@NullMarked
package io.github.oruk.validation.payload;

import org.jspecify.annotations.NullMarked;
