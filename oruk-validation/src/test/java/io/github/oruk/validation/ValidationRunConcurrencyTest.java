package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** The live-feed checker checks documents from several threads into one run; nothing may be lost or mixed up. */
class ValidationRunConcurrencyTest {

  private static final int SERVICES = 400;

  /** Every fourth service gets two defects, so a lost or duplicated finding changes the counts. */
  private static List<ObjectNode> services() {
    List<ObjectNode> services = new ArrayList<>();
    for (int k = 0; k < SERVICES; k++) {
      ObjectNode service = Fixtures.freshService(k);
      if (k % 4 == 0) {
        service.put("status", "open").put("description", "<p>HTML in plain text</p>");
      }
      services.add(service);
    }
    return services;
  }

  private static ValidationReport sequential(List<ObjectNode> services) {
    ValidationRun run = Fixtures.validator().build().start("feed", "feed");
    for (int k = 0; k < services.size(); k++) {
      run.checkDocument(services.get(k), RecordType.SERVICE, false, "/services/" + k, true);
    }
    return run.finish();
  }

  private static ValidationReport concurrent(List<ObjectNode> services, int threads) throws Exception {
    ValidationRun run = Fixtures.validator().build().start("feed", "feed");
    inParallel(threads, services.size(), k ->
        run.checkDocument(services.get(k), RecordType.SERVICE, false, "/services/" + k, true));
    return run.finish();
  }

  /** Runs task 0 .. tasks-1 on a pool of that many threads, all released at once, and waits for them. */
  private static void inParallel(int threads, int tasks, IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int k = 0; k < tasks; k++) {
        int index = k;
        done.add(pool.submit(() -> {
          start.await();
          task.accept(index);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> keys(ValidationReport report) {
    return report.findings().stream()
        .map(f -> f.url() + " " + f.pointer() + " " + f.code() + " " + f.recordId())
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  @Test
  void documentsCheckedFromManyThreadsGiveTheSameReportAsOneThread() throws Exception {
    List<ObjectNode> services = services();
    ValidationReport alone = sequential(services);
    ValidationReport together = concurrent(services, 8);

    assertTrue(alone.findings("ORUK-SCHEMA-001").size() >= SERVICES / 4, "the defects must be found at all");
    assertEquals(alone.documents(), together.documents());
    assertEquals(SERVICES, together.documents());
    assertEquals(alone.records(), together.records());
    assertEquals(keys(alone), keys(together));
    assertEquals(alone.quality().services(), together.quality().services());
    assertEquals(alone.quality().meanRichness(), together.quality().meanRichness(), 1e-9);
    assertEquals(alone.verdict(), together.verdict());
  }

  @Test
  void findingsAddedFromManyThreadsAreAllKept() throws Exception {
    RuleInfo rule = new RuleInfo("TEST-RACE-001", "a feed-level finding", Category.FEED_BEHAVIOUR, Severity.WARNING,
        Set.of(), "nothing to fix");
    ValidationRun run = Fixtures.validator().build().start("feed", "feed");
    int threads = 8;
    int each = 5_000;
    inParallel(threads, threads, thread -> {
      for (int i = 0; i < each; i++) {
        run.add(rule, "/x/" + thread, "/" + i, "", "finding " + i, null, false);
        run.countDocument();
      }
    });
    ValidationReport report = run.finish();
    assertEquals(threads * each, report.findings("TEST-RACE-001").size());
    assertEquals(threads * each, report.documents());
  }
}
