/**
 * Continuous monitoring of the register's feeds: each feed's status after its runs ({@link
 * io.github.oruk.hub.monitor.FeedStatus}), the events raised when it gets worse, goes down or recovers ({@link
 * io.github.oruk.hub.monitor.FeedEvent}, delivered to {@link io.github.oruk.hub.monitor.FeedListener}s such as
 * the {@link io.github.oruk.hub.monitor.WebhookListener}), and the schedule that refreshes every feed on its
 * interval ({@link io.github.oruk.hub.Watcher}).
 */
@NullMarked
package io.github.oruk.hub.monitor;

import org.jspecify.annotations.NullMarked;
