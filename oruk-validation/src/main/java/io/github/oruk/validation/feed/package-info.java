/**
 * Live-feed checks: {@link io.github.oruk.validation.feed.FeedValidator} walks a feed through the client (every
 * endpoint, the pages of each list, a sample of ids looked up by id, all within a time limit) and runs every
 * document through the rules. A list is walked by the client's paging guard
 * ({@code io.github.oruk.client.paging.PagedRecords}), which the validator observes; the paging facts themselves
 * are judged by the shared checker of {@code oruk-model} ({@code io.github.oruk.model.paging}).
 *
 * <p>What a feed is checked for beyond its documents is a {@link io.github.oruk.validation.rule.FeedRule} each,
 * discovered like the document rules: paging ({@code PagingRule}), the API details ({@code ApiDetailsRule}), empty
 * lists ({@code EmptyListRule}), round trips ({@code RoundTripRule}), HTTP ({@code HttpsRule}, {@code CorsRule},
 * {@code ContentTypeRule}, {@code SpeedRule}) and filters ({@code FilterRule}, which probes with
 * {@code FilterProbes}). {@code FeedValidator} keeps only what decides whether anything else can be checked:
 * endpoints that fail, the time limit, answers too large or not JSON, the legacy v1 layout. Inside, the walk is
 * {@code PagingWalk}, the look-ups {@code IdentityChecks}, the time limit {@code Timekeeper} and the per-endpoint
 * counts {@code EndpointTally}.
 */
@NullMarked
package io.github.oruk.validation.feed;

import org.jspecify.annotations.NullMarked;
