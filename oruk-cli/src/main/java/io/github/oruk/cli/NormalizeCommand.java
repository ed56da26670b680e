package io.github.oruk.cli;

import io.github.oruk.model.RecordType;
import io.github.oruk.model.document.Document;
import io.github.oruk.model.document.DocumentReader;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadMode;
import io.github.oruk.model.json.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oruk normalize}: any ORUK document in, canonical JSON out, findings on stderr. */
@Command(
    name = "normalize",
    mixinStandardHelpOptions = true,
    description = {
        "Print any ORUK document as canonical ORUK 3.0 JSON.",
        "",
        "Reads a service or any other record, a list page, the '/' API details, or a legacy ORUK v1 "
            + "service or page, and prints it on stdout as canonical ORUK 3.0 JSON. Everything the reader "
            + "repaired or kept aside is printed on stderr, one finding per line: CODE<TAB>json-pointer<TAB>message."},
    footer = {"", "Exit codes: 0 the document was read, 1 it could not be read (the reason is printed),"
        + " 2 usage error."})
final class NormalizeCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "FILE|-", description = "The document to read; '-' reads stdin.")
  private String input;

  @Option(names = "--keep-extensions",
      description = "Write back properties the standard does not define, and values the reader kept aside.")
  private boolean keepExtensions;

  @Option(names = "--strict", description = "Refuse the document instead of repairing it (exit 1).")
  private boolean strict;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Read as this record type (service, organization, taxonomy_term, ...) instead of guessing.")
  private String type;

  @Option(names = "--page", description = "With --type: the document is a page of such records.")
  private boolean page;

  @Option(names = "--pretty", description = "Indent the output for people.")
  private boolean pretty;

  @Mixin
  private LimitOptions limits = new LimitOptions();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OrukJson json;
    try {
      json = limits.apply(OrukJson.builder()
          .mode(strict ? ReadMode.STRICT : ReadMode.LENIENT)
          .keepExtensions(keepExtensions)
          .indent(pretty))
          .build();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    RecordType forced = null;
    if (type != null) {
      forced = RecordType.fromName(type).orElseThrow(() -> new picocli.CommandLine.ParameterException(
          spec.commandLine(), "unknown --type '" + type + "'; expected one of " + java.util.Arrays.toString(RecordType.values())));
    } else if (page) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--page needs --type");
    }
    byte[] bytes;
    try {
      bytes = readInput();
    } catch (NoSuchFileException e) {
      err.println("oruk normalize: no such file: " + input);
      return 1;
    }
    ReadResult<Document> read;
    try {
      DocumentReader reader = new DocumentReader(json);
      read = forced == null ? reader.read(bytes) : reader.read(bytes, forced, page);
    } catch (OrukReadException e) {
      err.println("oruk normalize: could not read " + name() + ": " + LimitOptions.inCliTerms(e.getMessage()));
      return 1;
    }
    for (ReadFinding finding : read.findings()) {
      err.println(LimitOptions.inCliTerms(finding.toLine()));
    }
    out.print(new String(json.write(read.value().value()), StandardCharsets.UTF_8));
    out.println();
    out.flush();
    return 0;
  }

  private byte[] readInput() throws IOException {
    if (input.equals("-")) {
      InputStream in = System.in;
      return in.readAllBytes();
    }
    return Files.readAllBytes(Path.of(input));
  }

  private String name() {
    return input.equals("-") ? "stdin" : input;
  }
}
