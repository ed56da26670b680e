package io.github.oruk.client.harvest;

import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukWriteException;
import java.io.IOException;

/**
 * Where a harvest delivers services. The harvester calls it from its worker threads but never
 * concurrently: one call at a time, so an implementation needs no locking of its own. If it throws an
 * {@link OrukWriteException} (as {@link io.github.oruk.model.json.OrukJson#write(Object)} does for a service it
 * cannot write), having kept nothing of that service, the service is listed as failed and the harvest carries
 * on: one bad record is one failed record, fetched again on resume. Any other exception means the sink itself
 * failed: the harvest stops (the service is not counted as delivered) and can be resumed from its checkpoint.
 *
 * <p>{@link NdjsonSink} writes one canonical JSON service per line.
 */
@FunctionalInterface
public interface HarvestSink {

  /** Takes one fully nested service. Services arrive in the order their details were fetched. */
  void accept(Service service) throws IOException;

  /**
   * Makes everything accepted so far durable. Called before each checkpoint is written, so that a
   * checkpoint never lists a service the sink could still lose.
   */
  default void flush() throws IOException {
  }

  /**
   * A position the sink's output can be cut back to so that it holds exactly what was accepted up to now,
   * such as a file's length; -1 when the sink has none. It is stored in the checkpoint: after a crash, the
   * output is cut back to it (services accepted after the last checkpoint are fetched again), so a resumed
   * harvest writes each service exactly once.
   */
  default long position() {
    return -1;
  }
}
