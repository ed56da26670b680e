package io.github.oruk.cli;

import io.github.oruk.hub.store.HubStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The store the {@code oruk hub} subcommands work on: {@code --db JDBC_URL}, or H2 in {@code ./oruk-hub/}. */
final class HubStores {

  /** What {@code --db} says, for every subcommand's help. */
  static final String DB_DESCRIPTION = "The store: jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:...;"
      + " default: an H2 database in ./oruk-hub/.";

  /** Held here: java.util.logging keeps loggers only weakly, and a collected one forgets its level. */
  private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

  private HubStores() {
  }

  /**
   * Opens (and migrates) the store.
   *
   * @throws ParameterException when {@code db} is not a JDBC URL
   */
  static HubStore open(CommandSpec spec, @Nullable String db) {
    if (db != null && !db.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
      throw new ParameterException(spec.commandLine(), "--db: '" + db + "' is not a JDBC URL; expected"
          + " jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:file:PATH");
    }
    FLYWAY.setLevel(Level.WARNING);
    return db == null ? HubStore.openFolder(Path.of("oruk-hub")) : HubStore.open(db);
  }
}
