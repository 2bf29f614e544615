package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered stages a version climbs, e.g. preprod → prod, or dev → staging → limited-release → live.
 * A table keeps its name from stage to stage; its schema is the one at the same position in the next
 * stage's list. Tables outside the stages' schemas are not the promoter's to write.
 */
public final class Ladder {

  private final List<Stage> stages;
  private final Map<SchemaName, int[]> positions = new HashMap<>();

  /** @throws IllegalArgumentException naming every problem of the stages */
  public Ladder(List<Stage> stages) {
    this.stages = List.copyOf(stages);
    List<String> problems = new ArrayList<>();
    if (stages.size() < 2) {
      problems.add("a ladder needs at least two stages, got " + stages.size());
    }
    Set<String> names = new HashSet<>();
    for (int index = 0; index < stages.size(); index++) {
      Stage stage = stages.get(index);
      if (!names.add(stage.name())) {
        problems.add("stage name '" + stage.name() + "' is used twice");
      }
      if (stage.schemas().isEmpty()) {
        problems.add("stage '" + stage.name() + "' has no schemas");
      } else if (stage.schemas().size() != stages.get(0).schemas().size()) {
        problems.add("stage '" + stage.name() + "' has " + stage.schemas().size() + " schemas, the first stage "
            + stages.get(0).schemas().size() + ": every stage lists the same number, position by position");
      }
      if ((index == 0) != (stage.entry() == null)) {
        problems.add("stage '" + stage.name() + "': " + (index == 0 ? "the first stage has no entry gates" : "has no entry gates"));
      }
      for (int slot = 0; slot < stage.schemas().size(); slot++) {
        if (positions.putIfAbsent(stage.schemas().get(slot), new int[] {index, slot}) != null) {
          problems.add("schema " + stage.schemas().get(slot) + " is in more than one place of the ladder");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the ladder is invalid: " + String.join("; ", problems));
    }
  }

  public int size() {
    return stages.size();
  }

  public Stage stage(int index) {
    return stages.get(index);
  }

  public List<Stage> stages() {
    return stages;
  }

  /** The index of the stage whose schemas hold the table, if any. */
  public Optional<Integer> stageOf(TableName table) {
    return Optional.ofNullable(positions.get(table.schemaName())).map(position -> position[0]);
  }

  /** The same table in another stage. */
  public TableName tableIn(TableName table, int stage) {
    int[] position = positions.get(table.schemaName());
    if (position == null) {
      throw new IllegalArgumentException(table + " is in none of the ladder's stages");
    }
    return stages.get(stage).schemas().get(position[1]).table(table.table());
  }

  @Override
  public String toString() {
    return String.join(" → ", stages.stream().map(Stage::name).toList());
  }
}
