package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.policy.TablePolicies;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The promotion design's governance tables the detector keeps from the log: what it announced
 * ({@link PromotionCandidates}), the schema of every version announced or written
 * ({@link SchemaSnapshots}), and what each table's target stage holds ({@link TableRegistry}). Each is
 * written from events alone (and the warehouse's own history for a written table's schema), so each can
 * be rebuilt by reading the log again.
 */
public final class GovernanceTables {

  /**
   * A version written into a stage: a clone, or a rollback to it.
   *
   * @param version the pre-prod version the stage holds afterwards
   * @param targetVersion the stage table's own Delta version afterwards
   */
  public record Written(String eventId, TableName source, long version, TableName target, long targetVersion, String stage,
      String status, Instant at) {}

  private final PromotionCandidates candidates;
  private final SchemaSnapshots snapshots;
  private final TableRegistry registry;
  private final Warehouse warehouse;
  private final TablePolicies policies;
  private final String targetStage;

  /** @param targetStage the stage the detector announces for: the one the table registry follows */
  public GovernanceTables(PromotionCandidates candidates, SchemaSnapshots snapshots, TableRegistry registry,
      Warehouse warehouse, TablePolicies policies, String targetStage) {
    this.candidates = candidates;
    this.snapshots = snapshots;
    this.registry = registry;
    this.warehouse = warehouse;
    this.policies = policies;
    this.targetStage = targetStage;
  }

  public boolean announced(PromotionCandidates.Candidate candidate) {
    return candidates.record(candidate);
  }

  /** The schema of an announced pre-prod version, as the announcement fingerprinted it. */
  public boolean announcedSchema(SchemaSnapshots.Snapshot snapshot) {
    return snapshots.record(snapshot);
  }

  /** The schema the stage table has at the version the write left it at, read from its history. */
  public boolean writtenSchema(Written written) {
    return snapshots.record(new SchemaSnapshots.Snapshot(written.eventId(), written.target(), written.targetVersion(),
        written.stage(), schemaHash(written), written.at()));
  }

  /** What the target stage came to hold; a write into another stage is not the registry's. */
  public boolean held(Written written) {
    if (!written.stage().equals(targetStage)) {
      return false;
    }
    List<Identifier> keys = policies.policyFor(written.source()).keyColumns();
    String expectedKey = keys.isEmpty() ? null : keys.stream().map(Identifier::value).collect(Collectors.joining(","));
    return registry.record(new TableRegistry.Holding(written.eventId(), written.source(), expectedKey, schemaHash(written),
        written.version(), written.at(), written.target(), written.stage(), written.status()));
  }

  /** Null when that version can no longer be read (the table was dropped, its history vacuumed). */
  private String schemaHash(Written written) {
    try {
      return warehouse.schemaAt(written.target(), written.targetVersion()).fingerprint();
    } catch (WarehouseException.TableNotFound | WarehouseException.VersionNotFound gone) {
      return null;
    }
  }
}
