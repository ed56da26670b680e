/** Access to the project's ORUK 3.0 spec document packaged in the jar: {@link io.github.oruk.model.spec.OrukSpec}. */
@NullMarked
package io.github.oruk.model.spec;

import org.jspecify.annotations.NullMarked;
