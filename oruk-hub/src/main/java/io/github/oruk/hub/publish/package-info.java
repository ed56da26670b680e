/**
 * Republishing: the hub's aggregate served read-only as a compliant ORUK 3.0 API through the server SPI
 * ({@link io.github.oruk.hub.publish.HubDirectory}), with each record's provenance as an extension property and an
 * assurance policy that hides records not assured recently ({@link io.github.oruk.hub.publish.AssurancePolicy}).
 */
@NullMarked
package io.github.oruk.hub.publish;

import org.jspecify.annotations.NullMarked;
