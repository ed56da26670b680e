/**
 * Live-feed checks: {@link io.github.oruk.validation.feed.FeedValidator} walks a feed through the client,
 * checks endpoints, paging, identity, HTTP behaviour and filters, and runs every document through the rules.
 * A list is walked by the client's paging guard ({@code io.github.oruk.client.paging.PagedRecords}), which the
 * validator observes; the paging facts themselves are judged by the shared checker of {@code oruk-model}
 * ({@code io.github.oruk.model.paging}).
 *
 * <p>The checks come in groups, each a class of its own that {@code FeedValidator} drives: paging
 * ({@code PagingWalk}), identity and round trips ({@code IdentityChecks}), HTTP ({@code HttpChecks}) and filters
 * ({@code FilterProbes}). The endpoint checks ({@code /}, required and optional endpoints, the time limit) are still
 * part of {@code FeedValidator} itself, and the groups are wired in, not yet discovered as {@code FeedRule}s.
 */
package io.github.oruk.validation.feed;
