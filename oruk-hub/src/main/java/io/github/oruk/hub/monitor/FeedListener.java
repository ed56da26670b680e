package io.github.oruk.hub.monitor;

/**
 * Told of each {@link FeedEvent} the hub raises. Called on the thread that refreshed the feed, so it should
 * return quickly (hand slow work, such as a network call, to a thread of its own, as {@link WebhookListener}
 * does); an exception it throws is logged and does not stop the refresh or the other listeners.
 */
@FunctionalInterface
public interface FeedListener {

  /** A feed got worse, became unreachable, or recovered. */
  void event(FeedEvent event);
}
