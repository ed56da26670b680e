/**
 * Live-feed checks: {@link io.github.oruk.validation.feed.FeedValidator} walks a feed through the client,
 * checks endpoints, paging, identity, HTTP behaviour and filters, and runs every document through the rules.
 * A list is walked by the client's paging guard ({@code io.github.oruk.client.paging.PagedRecords}), which the
 * validator observes; the paging facts themselves are judged by the shared checker of {@code oruk-model}
 * ({@code io.github.oruk.model.paging}).
 */
package io.github.oruk.validation.feed;
