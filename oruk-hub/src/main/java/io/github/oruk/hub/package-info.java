/**
 * Many ORUK feeds into one trusted directory: {@link io.github.oruk.hub.Hub} refreshes the feeds of a
 * {@link io.github.oruk.hub.register.Register} into a {@link io.github.oruk.hub.store.HubStore}, incrementally,
 * with provenance and history for every record; after each refresh it de-duplicates the current records into
 * clusters that curators correct ({@link io.github.oruk.hub.store.HubStore#decide}), and
 * {@link io.github.oruk.hub.AggregateView} merges each cluster into one service.
 */
@NullMarked
package io.github.oruk.hub;

import org.jspecify.annotations.NullMarked;
