package io.github.oruk.cli;

import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.ReviewPair;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oruk hub review}: the pairs of records waiting for a curator. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
        "List the pairs of records the de-duplication scored 'review' (perhaps the same service) and nobody has"
            + " decided about, highest score first; pairs already in one cluster are left out.",
        "",
        "One line per pair on stdout, tab-separated: A_ID B_ID A_FEED/A_ORIGINAL_ID B_FEED/B_ORIGINAL_ID A_NAME"
            + " B_NAME SCORE. The ids are aggregate ids (give them to 'oruk hub decide'); SCORE has three decimals;"
            + " a name's tabs and line breaks are written as spaces, a missing name as '-'. Nothing when there is"
            + " nothing to review.",
        "",
        "Without --db the store is an H2 database in ./oruk-hub/."},
    footer = {"", "Exit codes: 0 listed (perhaps nothing), 1 the store could not be read, 2 usage error."})
final class HubReviewCommand implements Callable<Integer> {

  /** What {@code --db} says, here and in {@code decide}. */
  static final String DB_HELP = "The store: jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:...; default:"
      + " an H2 database in ./oruk-hub/.";

  private static final OrukJson JSON = OrukJson.lenient();

  @Spec
  private CommandSpec spec;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = HubReviewCommand.DB_HELP)
  private @Nullable String db;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (HubStore store = HubCommand.openStore(spec, db)) {
      for (ReviewPair pair : store.reviews()) {
        out.println(pair.a().aggregateId() + "\t" + pair.b().aggregateId() + "\t" + source(pair.a()) + "\t"
            + source(pair.b()) + "\t" + name(pair.a()) + "\t" + name(pair.b()) + "\t"
            + String.format(Locale.ROOT, "%.3f", pair.score()));
      }
    }
    out.flush();
    return 0;
  }

  private static String source(StoredRecord record) {
    return record.feed() + "/" + record.originalId();
  }

  private static String name(StoredRecord record) {
    String document = record.document();
    String name = document == null ? null : JSON.read(document, Service.class).value().getName();
    return name == null || name.isBlank() ? "-" : name.replaceAll("[\\t\\r\\n]", " ");
  }
}
