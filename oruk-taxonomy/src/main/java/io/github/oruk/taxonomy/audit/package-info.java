/**
 * Audits of a feed's tagging: {@link io.github.oruk.taxonomy.audit.CoverageAudit} (services per term, unused
 * terms, untagged services, the share tagged with a recognised scheme) and
 * {@link io.github.oruk.taxonomy.audit.ClassificationAudit} (over-classification).
 */
@NullMarked
package io.github.oruk.taxonomy.audit;

import org.jspecify.annotations.NullMarked;
