/**
 * Live-feed checks: {@link io.github.oruk.validation.feed.FeedValidator} walks a feed through the client,
 * checks endpoints, paging, identity, HTTP behaviour and filters, and runs every document through the rules.
 * A list is walked by the client's paging guard ({@code io.github.oruk.client.paging.PagedRecords}), which the
 * validator observes; the paging facts themselves are judged by the shared checker of {@code oruk-model}
 * ({@code io.github.oruk.model.paging}).
 *
 * <p>The checks come in groups, each a class of its own that {@code FeedValidator} drives: paging
 * ({@code PagingWalk}), HTTP ({@code HttpChecks}) and filters ({@code FilterProbes}); the endpoint and
 * identity checks (by-id look-ups, list and detail agreeing) are still part of {@code FeedValidator} itself.
 */
package io.github.oruk.validation.feed;
