/**
 * ORUK 3.0 as Java types, the spec document and the JSON codec.
 *
 * <p>Jackson is required transitively because it shows in the API: {@code Extensible.getExtensions()}
 * holds {@code JsonNode}s and {@code OrukJson} hands out Jackson readers and writers. The Bean Validation
 * API is required transitively because the generated model carries its annotations; JSpecify, which states
 * what may be null, is needed only by tools that read those annotations.
 */
module io.github.oruk.model {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive jakarta.validation;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires static transitive org.jspecify;

  exports io.github.oruk.model;
  exports io.github.oruk.model.diagnostic;
  exports io.github.oruk.model.document;
  exports io.github.oruk.model.json;
  exports io.github.oruk.model.paging;
  exports io.github.oruk.model.query;
  exports io.github.oruk.model.spec;
  exports io.github.oruk.model.v1;
}
