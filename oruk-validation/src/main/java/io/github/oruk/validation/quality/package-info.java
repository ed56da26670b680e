/**
 * Data quality: richness scores, freshness, and the rules about plausible, current, non-personal data.
 */
@NullMarked
package io.github.oruk.validation.quality;

import org.jspecify.annotations.NullMarked;
