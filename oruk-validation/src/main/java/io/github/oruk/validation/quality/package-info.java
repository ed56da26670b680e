/**
 * Data quality: richness scores, freshness, and the rules about plausible, current, non-personal data.
 */
package io.github.oruk.validation.quality;
