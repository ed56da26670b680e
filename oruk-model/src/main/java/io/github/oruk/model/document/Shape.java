package io.github.oruk.model.document;

import io.github.oruk.model.RecordType;

/**
 * What a document looks like before it is read: which record type, whether it is a page, whether it
 * follows the legacy v1 layout, and how sure the guess is.
 *
 * @param type the record type (for a page, the type of its items)
 * @param page whether the document is a page of a list endpoint
 * @param legacyV1 whether it uses the legacy ORUK v1 layout
 * @param reason why this shape was chosen, for messages
 */
public record Shape(RecordType type, boolean page, boolean legacyV1, String reason) {
}
