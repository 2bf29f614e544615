package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;

/**
 * What the promotion log is folded from, one kind per topic it reads: the promoter's own outcomes, QC's
 * reports and operators' decisions. Each is about one table, the first-stage table it names.
 */
public sealed interface LogEntry permits RecordedOutcome, QcVerdict, OperatorDecision, ReleaseOrder {

  /** The table the entry is about: the key of the event it came from. */
  TableName source();
}
