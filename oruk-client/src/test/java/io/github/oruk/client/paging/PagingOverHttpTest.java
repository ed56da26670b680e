package io.github.oruk.client.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.OrukClient;
import io.github.oruk.model.Service;
import io.github.oruk.model.query.Query;
import io.github.oruk.model.v1.PageBase;
import io.github.oruk.testkit.feed.FakeFeed;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The guard against a real HTTP feed that misbehaves, one quirk at a time. */
class PagingOverHttpTest {

  private static PagedRecords<Service> walk(FakeFeed feed, Query query) {
    OrukClient client = OrukClient.builder(feed.baseUri()).backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    return client.stream(Service.class, query);
  }

  private static List<String> ids(PagedRecords<Service> records) {
    return records.stream().map(Service::getId).toList();
  }

  private static void withFeed(Consumer<FakeFeed.Builder> setup, Consumer<FakeFeed> test) {
    FakeFeed.Builder builder = FakeFeed.builder().services(45).perPage(10).seed(5);
    setup.accept(builder);
    try (FakeFeed feed = builder.start()) {
      test.accept(feed);
    }
  }

  @Test
  void anHonestFeedGivesEveryRecordOnceInOrderWithoutFindings() {
    withFeed(b -> { }, feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids(), ids(records));
      assertEquals(List.of(), records.summary().findings());
      assertEquals(PagingEnd.LAST_PAGE, records.summary().end());
      assertEquals(5, feed.requestsFor("services"));
    });
  }

  @Test
  void drift() {
    withFeed(b -> b.totalDrift(3), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids(), ids(records));
      assertEquals(4, records.summary().findings(PagingCode.TOTAL_CHANGED).size());
      assertEquals(1, records.summary().findings(PagingCode.COUNT_MISMATCH).size());
      assertTrue(records.summary().complete());
    });
  }

  @Test
  void stalledPages() {
    withFeed(b -> b.stallAfterPage(2), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids().subList(0, 20), ids(records), "what there was, delivered once");
      assertEquals(PagingEnd.STALLED, records.summary().end());
      assertFalse(records.summary().complete());
      assertEquals(3, feed.requestsFor("services"), "stopped at the first repeat");
    });
  }

  @Test
  void duplicatesAcrossPages() {
    withFeed(b -> b.overlap(3), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids(), ids(records));
      assertEquals(12, records.summary().duplicates(), "3 repeated on each of pages 2 to 5");
      assertEquals(4, records.summary().findings(PagingCode.DUPLICATE_ID).size());
    });
  }

  @Test
  void missingLastPage() {
    withFeed(b -> b.omit("last_page", "first_page"), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids(), ids(records));
      assertEquals(PagingEnd.TOTAL_PAGES, records.summary().end());
      assertEquals(1, records.summary().findings(PagingCode.ENVELOPE_INCOMPLETE).size());
    });
    withFeed(b -> b.omit("last_page", "total_pages", "total_items", "page_number"), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids(), ids(records));
      assertEquals(PagingEnd.EMPTY_PAGE, records.summary().end(), "nothing else to go by");
      assertEquals(6, feed.requestsFor("services"));
    });
  }

  @Test
  void serverCappedPerPage() {
    withFeed(b -> b.maxPerPage(8), feed -> {
      PagedRecords<Service> records = walk(feed, Query.builder().perPage(20).build());
      assertEquals(feed.ids(), ids(records));
      assertEquals(1, records.summary().findings(PagingCode.PER_PAGE_CAPPED).size());
      assertEquals(6, records.summary().pages());
    });
  }

  @Test
  void emptyFeed() {
    withFeed(b -> b.services(0), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(List.of(), ids(records));
      assertTrue(records.summary().complete());
      assertEquals(List.of(), records.summary().findings());
    });
  }

  @Test
  void legacyV1CountedFromZero() {
    withFeed(b -> b.envelope(FakeFeed.Envelope.V1_ZERO_BASED), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids(), ids(records));
      assertEquals(PageBase.ZERO_BASED, records.summary().legacyPageBase());
      assertEquals(PagingEnd.LAST_PAGE, records.summary().end());
      assertEquals(List.of(PagingCode.LEGACY_V1_FEED),
          records.summary().findings().stream().map(PagingFinding::code).toList());
      assertEquals(5, feed.requestsFor("services"));
    });
  }

  @Test
  void legacyV1CountedFromOne() {
    withFeed(b -> b.envelope(FakeFeed.Envelope.V1_ONE_BASED), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids(), ids(records));
      assertEquals(PageBase.ONE_BASED, records.summary().legacyPageBase());
      assertEquals(List.of(PagingCode.LEGACY_V1_FEED),
          records.summary().findings().stream().map(PagingFinding::code).toList());
    });
  }

  @Test
  void bareArray() {
    withFeed(b -> b.envelope(FakeFeed.Envelope.BARE_ARRAY), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids(), ids(records));
      assertEquals(PagingEnd.SINGLE_PAGE, records.summary().end());
      assertEquals(1, feed.requestsFor("services"));
    });
  }

  @Test
  void transientFailuresOnListPagesAreRetried() {
    withFeed(b -> b.transientFailures(1.0, FakeFeed.Fault.values()).failuresPerAddress(2), feed -> {
      PagedRecords<Service> records = walk(feed, Query.all());
      assertEquals(feed.ids(), ids(records));
      assertTrue(records.summary().complete());
    });
  }
}
