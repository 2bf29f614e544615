package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.infrastructure.tracing.EventTracing;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.Hop;
import io.deltapromotion.promoter.domain.TableVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The trace of every version QC reported on, kept from the report's headers as the promotion log is
 * folded (at start-up too), so that the hops decided later (a soak that ended, an approval) are published
 * in the version's trace, not in the schedule's or the operator's. Keeps the most recent
 * {@value #CAPACITY} versions.
 */
final class VersionTraces {

  static final int CAPACITY = 100_000;

  private final EventTracing tracing;
  private final Map<TableVersion, String> traces = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<TableVersion, String> eldest) {
      return size() > CAPACITY;
    }
  };

  VersionTraces(EventTracing tracing) {
    this.tracing = tracing;
  }

  /** Keeps the trace of a QC report that names its version; ignores every other record. */
  synchronized void fold(ConsumerRecord<?, ?> record) {
    if (record.value() instanceof QcCompleted report && report.getVersion() != null) {
      String traceparent = EventTracing.traceparentOf(record.headers());
      if (traceparent != null) {
        traces.put(new TableVersion(TableName.parse(report.getTable()), report.getVersion()), traceparent);
      }
    }
  }

  /** Publishes the hops (of one version) in that version's trace, when it is known. */
  void publishInTrace(List<Hop> hops, Runnable publish) {
    Hop first = hops.isEmpty() ? null : hops.get(0);
    String traceparent = null;
    if (first != null && first.version() != null) {
      synchronized (this) {
        traceparent = traces.get(new TableVersion(first.source(), first.version()));
      }
    }
    tracing.inTrace(traceparent, first == null ? "promote" : "promote " + first.source() + " v" + first.version(), publish);
  }
}
