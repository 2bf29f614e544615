package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What has been announced per source table: rebuilt at start-up from the TableChanged topic (the
 * detector's own output), then kept current as it announces. A version is identified by its number and
 * commit time, so a table dropped and re-created is seen as new even where version numbers repeat.
 */
public final class AnnouncedVersions {

  private record Announcement(Long version, Instant commitTime, ChangeCategory category) {}

  private final Map<TableName, Announcement> latest = new ConcurrentHashMap<>();

  public void record(TableName source, Long version, Instant commitTime, ChangeCategory category) {
    latest.put(source, new Announcement(version, millis(commitTime), category));
  }

  public void record(Detection detection) {
    record(detection.mapping().source(), detection.version(), detection.commitTime(), detection.category());
  }

  /** The version (number and commit time) has not been announced for this table. */
  public boolean isNew(TableName source, long version, Instant commitTime) {
    Announcement last = latest.get(source);
    return last == null || !Objects.equals(last.version(), version) || !Objects.equals(last.commitTime(), millis(commitTime));
  }

  /** A version later than this one (same table, not a re-created one) was announced already. */
  public boolean hasNewerThan(TableName source, long version, Instant commitTime) {
    Announcement last = latest.get(source);
    return last != null && last.version() != null && last.version() > version
        && last.commitTime() != null && !last.commitTime().isBefore(millis(commitTime));
  }

  /** The table's absence has not been announced since it was last seen. */
  public boolean isNewlyMissing(TableName source) {
    Announcement last = latest.get(source);
    return last == null || last.category() != ChangeCategory.MISSING_SOURCE;
  }

  public int size() {
    return latest.size();
  }

  private static Instant millis(Instant time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
  }
}
