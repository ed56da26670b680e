package io.github.oruk.validation.feed;

import static io.github.oruk.model.diagnostic.Severity.ERROR;
import static io.github.oruk.model.diagnostic.Severity.INFO;
import static io.github.oruk.model.diagnostic.Severity.WARNING;

import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.paging.PagingFact;
import io.github.oruk.model.paging.PagingIssue;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.RuleInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The paging of each list ({@code ORUK-PAGE-nnn}). Which paging facts a page breaks is judged by the shared checker
 * of {@code oruk-model} ({@code model.paging}), by the client's paging guard as it walks and by the walk itself;
 * this rule gives each fact the severity a feed gets for it. The facts it leaves out are the client's concern: a
 * list item without an id is a schema error already, and the walk is bounded, so neither the final count nor a
 * page limit applies.
 */
public final class PagingRule implements FeedRule {

  static final RuleInfo SIZE = check(PagingFact.SIZE, ERROR);
  static final RuleInfo TOTAL_PAGES = check(PagingFact.TOTAL_PAGES, ERROR);
  static final RuleInfo FIRST_PAGE = check(PagingFact.FIRST_PAGE, ERROR);
  static final RuleInfo LAST_PAGE = check(PagingFact.LAST_PAGE, ERROR);
  static final RuleInfo EMPTY_FLAG = check(PagingFact.EMPTY_FLAG, ERROR);
  static final RuleInfo PAGE_NUMBER = check(PagingFact.PAGE_NUMBER, ERROR);
  static final RuleInfo DRIFT = check(PagingFact.TOTAL_CHANGED, WARNING);
  static final RuleInfo DUPLICATE = check(PagingFact.DUPLICATE, ERROR);
  static final RuleInfo PER_PAGE = check(PagingFact.PER_PAGE, ERROR);
  static final RuleInfo LAST_REACHABLE = check(PagingFact.LAST_REACHABLE, ERROR);
  static final RuleInfo ENVELOPE = check(PagingFact.ENVELOPE, WARNING);
  static final RuleInfo STALLED = check(PagingFact.STALLED, ERROR);
  static final RuleInfo PER_PAGE_CAPPED = check(PagingFact.PER_PAGE_CAPPED, INFO);

  private static final List<RuleInfo> ALL = List.of(SIZE, TOTAL_PAGES, FIRST_PAGE, LAST_PAGE, EMPTY_FLAG, PAGE_NUMBER,
      DRIFT, DUPLICATE, PER_PAGE, LAST_REACHABLE, ENVELOPE, STALLED, PER_PAGE_CAPPED);
  private static final Map<PagingFact, RuleInfo> BY_FACT = ALL.stream()
      .collect(Collectors.toUnmodifiableMap(rule -> PagingFact.forCode(rule.code()).orElseThrow(), Function.identity()));

  private static RuleInfo check(PagingFact fact, Severity severity) {
    return FeedChecks.check(fact.code(), fact.title(), Category.FEED_BEHAVIOUR, severity, fact.fix());
  }

  @Override
  public RuleInfo info() {
    return SIZE;
  }

  @Override
  public List<RuleInfo> infos() {
    return ALL;
  }

  @Override
  public void paging(Endpoint list, URI uri, PagingIssue issue, FeedContext feed) {
    RuleInfo check = BY_FACT.get(issue.fact());
    if (check != null) {
      // A duplicate is about the record whose id repeats.
      feed.report(check, list, uri.toString(), issue.pointer(), issue.fact() == PagingFact.DUPLICATE
          ? issue.observed() : "", issue.message(), issue.observed());
    }
  }
}
