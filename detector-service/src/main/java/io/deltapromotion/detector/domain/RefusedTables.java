package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.SchemaName;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of watched schemas already reported as skipped for a name outside the grammar, by any
 * instance: fed by following the detector's dead-letter topic (where the reports are), so each is
 * reported once, also after it changed owner.
 */
public final class RefusedTables {

  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  public void record(SchemaName schema, String name) {
    reported.add(schema + "." + name);
  }

  /** Whether the table was not reported yet; records it as reported. */
  boolean isNew(SchemaName schema, String name) {
    return reported.add(schema + "." + name);
  }

  /** Forgets a report that could not be made, so it is made next time. */
  void forget(SchemaName schema, String name) {
    reported.remove(schema + "." + name);
  }
}
