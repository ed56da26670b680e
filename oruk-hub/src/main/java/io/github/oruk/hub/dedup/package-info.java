/**
 * De-duplication of services across sources: which records of several feeds (or of one) describe the same
 * real-world service.
 *
 * <p>{@link io.github.oruk.hub.dedup.Deduplicator} finds candidate pairs by blocking (shared postcode, phone
 * number, e-mail address, web domain or rare name words), scores each on names, phones, e-mail, web addresses,
 * addresses and coordinates, decides {@code match} or {@code review} by two thresholds, and clusters the matches.
 * The module's README explains the score, the thresholds and how they were chosen.
 */
@NullMarked
package io.github.oruk.hub.dedup;

import org.jspecify.annotations.NullMarked;
