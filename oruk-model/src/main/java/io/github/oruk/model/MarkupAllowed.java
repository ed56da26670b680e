package io.github.oruk.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text property that may legitimately hold markup (HTML, Markdown) or a structured text format
 * (GeoJSON, KML), so finding HTML in it is not worth reporting. Set in the spec document with
 * {@code x-oruk-markup-allowed: true}; the generated model carries it on the field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface MarkupAllowed {
}
