/**
 * Conformance of payloads: JSON Schemas derived from the spec document (behind the replaceable
 * {@link io.github.oruk.validation.payload.PayloadValidator}), and the rules a schema cannot express.
 */
package io.github.oruk.validation.payload;
