package io.github.oruk.client.harvest;

import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes each service as one line of canonical JSON ({@link OrukJson#write(Object)}, then {@code '\n'}).
 *
 * <pre>{@code
 * try (NdjsonSink sink = NdjsonSink.toFile(Path.of("services.ndjson"), OrukJson.lenient())) {
 *   new Harvester(client).harvest(HarvestOptions.defaults(), sink);
 * }
 * }</pre>
 *
 * <p>A file sink knows its {@link #position()} (bytes written), so a checkpoint can record it and
 * {@link #resumeFile(Path, long, OrukJson)} can cut a file back to it after a crash.
 */
public final class NdjsonSink implements HarvestSink, Closeable {

  private final OrukJson json;
  private final OutputStream out;
  private final @Nullable FileChannel channel;
  private long position;

  private NdjsonSink(OrukJson json, OutputStream out, @Nullable FileChannel channel, long position) {
    this.json = Objects.requireNonNull(json, "json");
    this.out = out;
    this.channel = channel;
    this.position = position;
  }

  /** A sink writing to a stream, which {@link #close()} closes. Its position is the bytes written. */
  public static NdjsonSink to(OutputStream out, OrukJson json) {
    Objects.requireNonNull(out, "out");
    return new NdjsonSink(json, new BufferedOutputStream(out, 1 << 16), null, 0);
  }

  /** A sink writing a new file, or replacing an existing one. */
  public static NdjsonSink toFile(Path file, OrukJson json) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    return new NdjsonSink(json, new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), channel, 0);
  }

  /**
   * A sink appending to a file written by an interrupted harvest, first cut back to {@code position} (the
   * checkpoint's {@link HarvestCheckpoint#sinkPosition()}), so that it holds exactly what the checkpoint
   * counts as delivered.
   *
   * @throws IOException when the file is missing or shorter than {@code position}: it is not the file
   *     the checkpoint was written for
   */
  public static NdjsonSink resumeFile(Path file, long position, OrukJson json) throws IOException {
    if (position < 0) {
      throw new IllegalArgumentException("position must be 0 or more; got " + position);
    }
    if (!Files.exists(file)) {
      throw new IOException(file + " does not exist, but the checkpoint says " + position + " bytes were written"
          + " to it; resume with the same output file, or start afresh");
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
    if (channel.size() < position) {
      long size = channel.size();
      channel.close();
      throw new IOException(file + " holds " + size + " bytes, fewer than the " + position + " the checkpoint"
          + " recorded; it is not the file that harvest wrote. Resume with that file, or start afresh");
    }
    channel.truncate(position);
    channel.position(position);
    return new NdjsonSink(json, new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), channel,
        position);
  }

  @Override
  public void accept(Service service) throws IOException {
    byte[] line = json.write(service);
    out.write(line);
    out.write('\n');
    position += line.length + 1L;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
    if (channel != null) {
      channel.force(false);
    }
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
