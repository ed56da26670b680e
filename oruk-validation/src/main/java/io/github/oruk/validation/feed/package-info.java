/**
 * Live-feed checks: {@link io.github.oruk.validation.feed.FeedValidator} walks a feed through the client,
 * checks endpoints, paging, identity, HTTP behaviour and filters, and runs every document through the rules.
 */
package io.github.oruk.validation.feed;
