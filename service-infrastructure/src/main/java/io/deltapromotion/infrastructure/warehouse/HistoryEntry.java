package io.deltapromotion.infrastructure.warehouse;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One commit of a Delta table, as {@code DESCRIBE HISTORY} reports it.
 *
 * @param version the table version this commit created
 * @param timestamp when it was committed
 * @param operation the Delta operation, e.g. WRITE, MERGE, ADD COLUMNS, CLONE, RESTORE
 * @param operationParameters the operation's parameters, e.g. {@code source} and {@code sourceVersion}
 *     for CLONE; values as the warehouse renders them, null where it reports null
 * @param userMetadata the note its writer attached to the commit ({@link CommitNote}); null when none
 */
public record HistoryEntry(long version, Instant timestamp, String operation, Map<String, String> operationParameters,
    String userMetadata) {

  public HistoryEntry {
    operationParameters = Collections.unmodifiableMap(new LinkedHashMap<>(operationParameters));
  }

  /** A commit without a note. */
  public HistoryEntry(long version, Instant timestamp, String operation, Map<String, String> operationParameters) {
    this(version, timestamp, operation, operationParameters, null);
  }

  /** The promotion note of this commit, when one of ours wrote it. */
  public Optional<CommitNote> note() {
    return CommitNote.parse(userMetadata);
  }
}
