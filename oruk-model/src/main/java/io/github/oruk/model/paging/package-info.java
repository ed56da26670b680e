/**
 * The paging invariants of a list endpoint, checked in one place: {@link io.github.oruk.model.paging.PagingChecker}
 * looks at the pages of one walk across a list, page by page and against each other, and says what is wrong as
 * {@link io.github.oruk.model.paging.PagingIssue}s, each about one {@link io.github.oruk.model.paging.PagingFact}
 * with one stable code ({@code ORUK-PAGE-nnn}, but for the two facts {@code PagingFact} names by the code they
 * have where they arise: a legacy v1 feed and a record the reader left out).
 *
 * <p>Both sides that read lists use it: the client's paging guard ({@code oruk-client}), which survives what it
 * notices, and the live-feed validator ({@code oruk-validation}), which judges it. The client's earlier codes
 * ({@code ORUK-PAGING-nnn}) are aliases of these ({@link io.github.oruk.model.paging.PagingFact#forCode}). What
 * to do about an issue (stop, skip, go on) is the caller's; nothing here does any HTTP.
 */
@NullMarked
package io.github.oruk.model.paging;

import org.jspecify.annotations.NullMarked;
