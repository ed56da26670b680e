package io.github.oruk.tabular;

import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes ORUK 3.0 as an HSDS Tabular Data Package: a folder (or a {@code .zip} of one) holding one
 * CSV file per table and a {@code datapackage.json} descriptor.
 *
 * <pre>{@code
 * TabularRead read = TabularPackage.read(Path.of("directory.zip"));        // or a folder
 * read.findings().forEach(f -> System.err.println(f.toLine()));           // CODE  FILE:ROW:COLUMN  message
 * List<Service> services = read.services();                               // fully nested, as the API serves them
 * TabularPackage.write(services, Path.of("out"));                         // out/services.csv, ..., datapackage.json
 * }</pre>
 *
 * <p>Reading never throws for bad data: what cannot be typed or linked is kept and reported. It throws
 * {@link TabularReadException} only when there is no package to read (no such file, no {@code services.csv},
 * a CSV file that breaks off inside a quoted cell).
 */
public final class TabularPackage {

  private TabularPackage() {
  }

  /** Reads a package from a folder or a {@code .zip} (its files at the top or in one folder inside). */
  public static TabularRead read(Path folderOrZip) throws IOException {
    return read(folderOrZip, OrukJson.lenient());
  }

  /**
   * Reads a package, typing each record with the given reader (its limits and mode); a strict reader refuses a
   * package needing a repair with the model's {@code OrukReadException}.
   */
  public static TabularRead read(Path folderOrZip, OrukJson json) throws IOException {
    if (Files.isDirectory(folderOrZip)) {
      return new PackageReader(json).read(root(folderOrZip));
    }
    if (!Files.isRegularFile(folderOrZip)) {
      throw new TabularReadException("no such folder or zip: " + folderOrZip);
    }
    try (FileSystem zip = FileSystems.newFileSystem(folderOrZip, (ClassLoader) null)) {
      return new PackageReader(json).read(root(zip.getPath("/")));
    } catch (java.util.zip.ZipException | java.nio.file.ProviderNotFoundException e) {
      throw new TabularReadException(folderOrZip + " is neither a folder nor a zip file: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the path looks like a package: a folder holding {@code services.csv} or {@code datapackage.json},
   * or a file named {@code *.zip}. For commands that accept a package beside JSON files.
   */
  public static boolean isPackage(Path path) {
    if (Files.isDirectory(path)) {
      return Files.exists(path.resolve("services.csv")) || Files.exists(path.resolve(PackageReader.DESCRIPTOR));
    }
    return path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
  }

  /**
   * Writes services as a package: into the folder (created if missing), or into a zip when the path ends in
   * {@code .zip}. Returns what was noticed (a record that appears twice under one id with different content).
   *
   * @throws IOException when the files cannot be written, or the folder holds CSV files the package would not
   *     overwrite (a later read would take them for tables)
   */
  public static List<TabularFinding> write(List<Service> services, Path folderOrZip) throws IOException {
    return write(services, List.of(), folderOrZip);
  }

  /** Writes services and the unlinked rows of a package read before, so that nothing it held is lost. */
  public static List<TabularFinding> write(List<Service> services, List<UnlinkedRow> unlinked, Path folderOrZip)
      throws IOException {
    PackageWriter writer = new PackageWriter();
    services.forEach(writer::service);
    unlinked.forEach(writer::unlinked);
    Map<String, byte[]> files = writer.files();
    if (folderOrZip.getFileName() != null
        && folderOrZip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      Path parent = folderOrZip.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(folderOrZip); ZipOutputStream zip = new ZipOutputStream(out)) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          ZipEntry entry = new ZipEntry(file.getKey());
          entry.setTime(0L);
          zip.putNextEntry(entry);
          zip.write(file.getValue());
          zip.closeEntry();
        }
      }
    } else {
      Files.createDirectories(folderOrZip);
      List<String> strangers = new ArrayList<>();
      try (var listing = Files.list(folderOrZip)) {
        listing.map(file -> file.getFileName().toString())
            .filter(name -> name.toLowerCase(Locale.ROOT).endsWith(".csv") && !files.containsKey(name))
            .sorted()
            .forEach(strangers::add);
      }
      if (!strangers.isEmpty()) {
        throw new IOException(folderOrZip + " already holds " + strangers + ", which this package does not"
            + " contain; a later read would take them for tables. Write to an empty folder, or remove them");
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Files.write(folderOrZip.resolve(file.getKey()), file.getValue());
      }
    }
    return writer.findings();
  }

  /** The folder holding the tables: the given one, or the only folder inside it when it holds no CSV file. */
  private static Path root(Path folder) throws IOException {
    List<Path> folders = new ArrayList<>();
    try (var listing = Files.list(folder)) {
      for (Path entry : (Iterable<Path>) listing::iterator) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv") && Files.isRegularFile(entry)) {
          return folder;
        }
        if (Files.isDirectory(entry) && !name.startsWith("__MACOSX") && !name.startsWith(".")) {
          folders.add(entry);
        }
      }
    } catch (NoSuchFileException e) {
      throw new TabularReadException("no such folder: " + folder, e);
    }
    return folders.size() == 1 ? root(folders.get(0)) : folder;
  }
}
