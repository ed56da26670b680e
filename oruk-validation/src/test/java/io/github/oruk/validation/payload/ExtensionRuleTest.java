package io.github.oruk.validation.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.oruk.model.RecordType;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The properties the extension rule counts as defined are those Jackson finds on each model class. */
class ExtensionRuleTest {

  @Test
  void definedPropertiesAreThoseJacksonFindsOnTheModelClasses() {
    ObjectMapper introspector = new ObjectMapper();
    for (RecordType type : RecordType.values()) {
      if (type == RecordType.API_DETAILS) {
        continue;
      }
      Set<String> jackson = introspector.getSerializationConfig()
          .introspect(introspector.constructType(type.modelClass())).findProperties().stream()
          .map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
      assertEquals(jackson, ExtensionRule.defined(type), type.name());
      assertTrue(jackson.size() > 1, type.name() + " has properties: " + jackson);
    }
  }
}
