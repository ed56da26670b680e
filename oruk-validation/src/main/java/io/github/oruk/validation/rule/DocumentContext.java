package io.github.oruk.validation.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.validation.payload.PayloadValidator;

/**
 * A whole document as a document rule sees it.
 *
 * @param json the document as sent
 * @param type the record type it holds (for a page, the type of its items)
 * @param page whether it is a page of a list endpoint
 * @param payload the schema checker of the active profile
 * @param settings what the profile tells the rules
 */
public record DocumentContext(JsonNode json, RecordType type, boolean page, PayloadValidator payload,
    RuleSettings settings) {
}
