package io.github.oruk.cli;

import io.github.oruk.hub.store.CuratorDecision;
import io.github.oruk.hub.store.HubStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code oruk hub decide}: a curator's decision about two records. */
@Command(
    name = "decide",
    mixinStandardHelpOptions = true,
    description = {
        "Record that two records are the same service (their clusters become one) or different services (they"
            + " are never in one cluster), whatever the de-duplication scores, on every later refresh too. The"
            + " latest decision about a pair replaces the one before. A merged cluster keeps the id of its oldest"
            + " record (first seen); the other records' ids resolve to it.",
        "",
        "Prints one line, tab-separated: DECISION A_ID B_ID A_CLUSTER B_CLUSTER, the clusters the two records are"
            + " in after the decision.",
        "",
        "Without --db the store is an H2 database in ./oruk-hub/."},
    footer = {"", "Exit codes: 0 recorded, 1 an id is no record's in the store (or the store failed),"
        + " 2 usage error."})
final class HubDecideCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "same|different", description = "The decision.")
  private String decision;

  @Parameters(index = "1", paramLabel = "ID", description = "A record's aggregate id (as 'oruk hub review' lists it).")
  private String first;

  @Parameters(index = "2", paramLabel = "ID", description = "The other record's aggregate id.")
  private String second;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = HubReviewCommand.DB_HELP)
  private @Nullable String db;

  @Override
  public Integer call() {
    CuratorDecision chosen = switch (decision) {
      case "same" -> CuratorDecision.SAME;
      case "different" -> CuratorDecision.DIFFERENT;
      default -> throw new ParameterException(spec.commandLine(), "expected 'same' or 'different'; got '"
          + decision + "'");
    };
    UUID a = id(first);
    UUID b = id(second);
    if (a.equals(b)) {
      throw new ParameterException(spec.commandLine(), "expected two different ids; got " + a + " twice");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (HubStore store = HubCommand.openStore(spec, db)) {
      for (UUID id : new UUID[] {a, b}) {
        if (store.record(id).isEmpty()) {
          err.println("oruk hub decide: no record with aggregate id " + id + " in the store; 'oruk hub review'"
              + " lists the ids of records to decide about");
          return 1;
        }
      }
      store.decide(a, b, chosen, Instant.now());
      out.println(chosen.label() + "\t" + a + "\t" + b + "\t" + store.resolve(a).orElseThrow() + "\t"
          + store.resolve(b).orElseThrow());
    }
    out.flush();
    return 0;
  }

  private UUID id(String text) {
    try {
      return UUID.fromString(text.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "expected an aggregate id (a UUID, as 'oruk hub review'"
          + " lists them); got '" + text + "'");
    }
  }
}
