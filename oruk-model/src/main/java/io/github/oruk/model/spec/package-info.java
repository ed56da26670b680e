/** Access to the project's ORUK 3.0 spec document packaged in the jar: {@link io.github.oruk.model.spec.OrukSpec}. */
package io.github.oruk.model.spec;
