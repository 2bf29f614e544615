package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rebaselines: every table of a baseline schema is pinned at its current version and shallow-cloned into
 * the ladder's first stage under its own name, with lineage and the baseline's tag (BASELINE_YYYYMM).
 * With several promoters, the command is split into one part per table ({@link #targets}), each carried
 * out by the owner of the table it writes. The caller then announces each cloned version as a pipeline commit,
 * so QC runs on every table and the baseline climbs the ladder as a release (promote it with
 * {@code promote --release BASELINE_YYYYMM}). A table that fails is reported and the others go on: the
 * first stage is not prod, and nothing of the baseline goes further than QC lets it.
 */
public final class Rebaseliner {

  private static final Pattern TAG = Pattern.compile("BASELINE_[0-9]{6}(_[A-Za-z0-9]{1,32})?");

  private final Ladder ladder;
  private final Promoter promoter;
  private final Warehouse warehouse;
  private final PromotionLog log;

  public Rebaseliner(Ladder ladder, Promoter promoter, Warehouse warehouse, PromotionLog log) {
    this.ladder = ladder;
    this.promoter = promoter;
    this.warehouse = warehouse;
    this.log = log;
  }

  /**
   * Pins every table of the baseline schema at its current version.
   *
   * @param into the first-stage schema to write; null when the first stage has only one
   * @throws CommandRefusedException when a schema is not what it must be, the tag is malformed or the
   *     baseline schema has no tables
   */
  public RebaselineCommand plan(SchemaName from, SchemaName into, String tag, String commandId, String actor,
      String reason) {
    if (!TAG.matcher(tag).matches()) {
      throw new CommandRefusedException("the tag must be BASELINE_YYYYMM (optionally _suffix), got '" + tag + "'", true);
    }
    if (ladder.stageOf(from.table("any")).isPresent()) {
      throw new CommandRefusedException(from + " is a schema of the ladder; a baseline comes from a schema of its own", true);
    }
    SchemaName target = firstStageSchema(into);
    SchemaTables baseline = warehouse.tablesIn(from);
    if (!baseline.refused().isEmpty()) {
      throw new CommandRefusedException("the baseline schema " + from + " has tables whose names cannot be promoted: "
          + baseline.refused().stream().map(table -> table.name() + " (" + table.reason() + ")").toList()
          + "; rename them, or move them out of the baseline", false);
    }
    List<TableVersion> items = new ArrayList<>();
    for (TableName table : baseline.tables()) {
      items.add(new TableVersion(table, warehouse.history(table, 1).get(0).version()));
    }
    if (items.isEmpty()) {
      throw new CommandRefusedException("the baseline schema " + from + " has no tables", true);
    }
    return new RebaselineCommand(commandId, actor, reason, tag, target, items);
  }

  /**
   * The first-stage table each item is cloned into, in the items' order (the table whose owner carries
   * that item out).
   *
   * @throws CommandRefusedException when the command's schema is not one of the first stage
   */
  public List<TableName> targets(RebaselineCommand command) {
    SchemaName into = firstStageSchema(command.into());
    return command.items().stream().map(item -> into.table(item.source().table())).toList();
  }

  /**
   * Clones the one table of a part of a rebaseline into the first stage; empty when its outcome for this
   * rebaseline is known already (the part was delivered again).
   *
   * @throws IllegalArgumentException when the command names more than one table: only its parts are carried out
   */
  public Optional<Hop> clone(RebaselineCommand part) {
    if (part.items().size() != 1) {
      throw new IllegalArgumentException("rebaseline " + part.commandId() + " names " + part.items().size()
          + " tables; each of its parts names one");
    }
    TableVersion item = part.items().get(0);
    if (log.hasOutcomeCausedBy(part.commandId(), item.source())) {
      return Optional.empty();
    }
    TableName target = firstStageSchema(part.into()).table(item.source().table());
    PromotionOutcome outcome;
    try {
      outcome = promoter.promote(new StageWrite(part.commandId(), item.source(), item.version(), target, part.tag()),
          CloneType.SHALLOW);
    } catch (WarehouseException e) {
      outcome = PromotionOutcome.failed(null, e.getMessage());
    }
    return Optional.of(new Hop(part.commandId(), part.commandId(), item.source(), item.version(), target,
        ladder.stage(0).name(), part.tag(), outcome, null, outcome.cloned() ? CloneType.SHALLOW : null));
  }

  private SchemaName firstStageSchema(SchemaName into) {
    List<SchemaName> first = ladder.stage(0).schemas();
    if (into == null) {
      return Optional.of(first).filter(schemas -> schemas.size() == 1).map(schemas -> schemas.get(0))
          .orElseThrow(() -> new CommandRefusedException("the first stage has several schemas " + first
              + ": name the one to rebaseline", false));
    }
    if (!first.contains(into)) {
      throw new CommandRefusedException(into + " is not a schema of the ladder's first stage " + first, true);
    }
    return into;
  }
}
