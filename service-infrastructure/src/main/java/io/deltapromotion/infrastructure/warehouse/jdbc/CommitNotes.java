package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.deltapromotion.infrastructure.warehouse.CommitNote;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link CommitNote} into the userMetadata of the commits a statement makes: Delta takes it from
 * the session setting {@value #SETTING}, which is set before the statement and reset after it (sessions
 * are pooled). A warehouse that refuses the setting (some Databricks SQL warehouses restrict which
 * settings a session may change) gets no notes from then on; the statements run all the same.
 */
final class CommitNotes {

  static final String SETTING = "spark.databricks.delta.commitInfo.userMetadata";
  private static final Logger log = LoggerFactory.getLogger(CommitNotes.class);

  private final AtomicBoolean refused = new AtomicBoolean();

  void run(JdbcSession session, CommitNote note, Runnable statement) {
    if (note == null || refused.get()) {
      statement.run();
      return;
    }
    try {
      session.execute("note the next commits as " + note, "SET " + SETTING + "=" + note.text());
    } catch (WarehouseException e) {
      if (!refused.getAndSet(true)) {
        log.warn("The warehouse refused {}, so commits carry no promotion notes: {}", SETTING, e.getMessage());
      }
      statement.run();
      return;
    }
    RuntimeException failure = null;
    try {
      statement.run();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      reset(session, failure);
    }
  }

  /** Resets the setting; a failure to do so is added to the statement's own failure, if it had one. */
  private static void reset(JdbcSession session, RuntimeException failure) {
    try {
      session.execute("stop noting commits", "RESET " + SETTING);
    } catch (RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }
}
