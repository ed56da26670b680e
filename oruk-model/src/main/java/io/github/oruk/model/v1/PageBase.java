package io.github.oruk.model.v1;

/**
 * Where a v1 page envelope starts counting its {@code number}.
 *
 * <p>ORUK v1 never said. Spring Data servers (the Porism/LGA reference API) count from 0; the LocalGov
 * Drupal module and Outpost count from 1. ORUK 3.0's {@code page_number} always counts from 1.
 */
public enum PageBase {
  /** {@code number} 0 is the first page (Spring Data, Porism). */
  ZERO_BASED,
  /** {@code number} 1 is the first page (LocalGov Drupal, Outpost). */
  ONE_BASED,
  /**
   * Tell from the envelope itself: {@code number} 0 anywhere, or {@code first} with {@code number}, or
   * {@code last} with {@code totalPages}. When the envelope does not settle it, 0-based (Spring) is
   * assumed and a {@link io.github.oruk.model.json.ReadCode#V1_PAGE_NUMBER_ASSUMED} finding says so.
   */
  DETECT
}
