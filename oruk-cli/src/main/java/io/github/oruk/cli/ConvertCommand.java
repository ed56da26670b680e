package io.github.oruk.cli;

import io.github.oruk.model.Service;
import io.github.oruk.model.diagnostic.Diagnostic;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.server.memory.ServiceFile;
import io.github.oruk.tabular.TabularFinding;
import io.github.oruk.tabular.TabularPackage;
import io.github.oruk.tabular.TabularRead;
import io.github.oruk.tabular.UnlinkedRow;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oruk convert}: services between NDJSON, ORUK JSON and the Tabular Data Package. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
        "Convert services between NDJSON, ORUK JSON and the HSDS Tabular Data Package (CSV).",
        "",
        "INPUT is a package (a folder holding services.csv or datapackage.json, or a .zip), NDJSON (one service a "
            + "line), or ORUK JSON (a JSON array of fully nested services; one service or a page also reads). "
            + "--to tabular writes a package into the folder --out names, or a zip when it ends in .zip; ndjson "
            + "and json write one file. Values the standard does not define are kept (as extensions in JSON, as "
            + "columns and tables in a package). Everything the readers repaired or kept aside is printed on "
            + "stderr, one finding a line: CODE<TAB>FILE:ROW:COLUMN<TAB>message. In a package ROW is the "
            + "spreadsheet's row (the header is row 1); in NDJSON it is the line, and in a JSON document 0, with "
            + "COLUMN the JSON Pointer."},
    footer = {"", "Exit codes: 0 converted, 1 the input could not be read (or the output not written), "
        + "2 usage error."})
final class ConvertCommand implements Callable<Integer> {

  private static final List<String> TARGETS = List.of("ndjson", "tabular", "json");

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "INPUT", description = "A package (folder or .zip), an NDJSON file or an ORUK JSON file.")
  private Path input;

  @Option(names = "--to", paramLabel = "FORMAT", required = true,
      description = "What to write: ndjson, tabular or json.")
  private String to;

  @Option(names = "--out", paramLabel = "PATH", required = true,
      description = "Where: a folder (or a .zip) for tabular, a file otherwise.")
  private Path out;

  @Override
  public Integer call() {
    String target = to.toLowerCase(Locale.ROOT);
    if (!TARGETS.contains(target)) {
      throw new ParameterException(spec.commandLine(), "--to must be one of " + TARGETS + "; got '" + to + "'");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Service> services;
    List<UnlinkedRow> unlinked = List.of();
    String from;
    try {
      if (TabularPackage.isPackage(input)) {
        TabularRead read = TabularPackage.read(input);
        read.findings().forEach(finding -> err.println(finding.toLine()));
        services = read.services();
        unlinked = read.unlinked();
        from = "a tabular package";
      } else if (Files.isRegularFile(input)) {
        ServiceFile read = ServiceFile.read(input);
        printFindings(read, input.getFileName().toString(), err);
        services = read.services();
        from = "JSON";
      } else {
        err.println("oruk convert: no such file or folder: " + input);
        return 1;
      }
    } catch (IOException e) {
      err.println("oruk convert: could not read " + input + ": " + LimitOptions.inCliTerms(e.getMessage()));
      return 1;
    }
    try {
      if (target.equals("tabular")) {
        for (TabularFinding finding : TabularPackage.write(services, unlinked, out)) {
          err.println(finding.toLine());
        }
      } else {
        writeJson(services, target.equals("ndjson"));
        if (!unlinked.isEmpty()) {
          err.println("oruk convert: " + unlinked.size() + " row(s) of the package that no service leads to (each "
              + "reported above as ORUK-TABULAR-003 or -008) have no place in " + target + "; --to tabular keeps them");
        }
      }
    } catch (IOException e) {
      err.println("oruk convert: could not write " + out + ": " + e.getMessage());
      return 1;
    }
    err.println("oruk convert: " + services.size() + " service(s) from " + from + " written to " + out + " as " + target);
    err.flush();
    return 0;
  }

  /** What the reader repaired or kept aside, one a line: {@code CODE<TAB>NAME:LINE:POINTER<TAB>message}. */
  static void printFindings(ServiceFile read, String name, PrintWriter err) {
    for (ServiceFile.Finding finding : read.findings()) {
      err.println(Diagnostic.line(finding.finding().code().code(),
          name + ':' + finding.line() + ':' + finding.finding().pointer(), finding.finding().message()));
    }
  }

  private void writeJson(List<Service> services, boolean ndjson) throws IOException {
    OrukJson json = OrukJson.builder().keepExtensions(true).build();
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      if (!ndjson) {
        stream.write('[');
      }
      for (int i = 0; i < services.size(); i++) {
        if (i > 0 && !ndjson) {
          stream.write(',');
        }
        stream.write(json.write(services.get(i)));
        if (ndjson) {
          stream.write('\n');
        }
      }
      if (!ndjson) {
        stream.write(']');
        stream.write('\n');
      }
    }
  }
}
