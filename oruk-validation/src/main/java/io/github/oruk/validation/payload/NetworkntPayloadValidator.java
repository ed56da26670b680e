package io.github.oruk.validation.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.github.oruk.model.RecordType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The default payload checker: networknt json-schema-validator 2.x, draft 2020-12, formats asserted, all errors. */
final class NetworkntPayloadValidator implements PayloadValidator {

  private static final Map<SchemaVariant, NetworkntPayloadValidator> INSTANCES = new EnumMap<>(SchemaVariant.class);

  private final SchemaVariant variant;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private NetworkntPayloadValidator(SchemaVariant variant) {
    this.variant = variant;
    String id = DerivedSchemas.id(variant);
    String document = DerivedSchemas.document(variant);
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build())
        .resourceLoaders(loaders -> loaders.resources(Map.of(id, document))));
  }

  static synchronized NetworkntPayloadValidator of(SchemaVariant variant) {
    return INSTANCES.computeIfAbsent(variant, NetworkntPayloadValidator::new);
  }

  @Override
  public List<SchemaViolation> validate(RecordType type, boolean page, JsonNode document) {
    String definition = DerivedSchemas.definition(type, page);
    Schema schema = schemas.computeIfAbsent(definition, name ->
        registry.getSchema(SchemaLocation.of(DerivedSchemas.id(variant) + "#/$defs/" + name)));
    List<Error> errors = schema.validate(document);
    List<SchemaViolation> violations = new ArrayList<>(errors.size());
    for (Error error : errors) {
      violations.add(new SchemaViolation(error.getInstanceLocation().toString(), error.getKeyword(),
          error.getMessage(), String.valueOf(error.getSchemaLocation())));
    }
    return violations;
  }
}
