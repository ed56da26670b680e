package io.github.oruk.validation.payload;

/**
 * One way a document breaks its JSON Schema.
 *
 * @param pointer JSON Pointer to the offending value in the document
 * @param keyword the schema keyword that failed ({@code required}, {@code format}, {@code enum}, ...)
 * @param message what the schema expected
 * @param schemaLocation where in the schema the failing keyword is
 */
public record SchemaViolation(String pointer, String keyword, String message, String schemaLocation) {
}
