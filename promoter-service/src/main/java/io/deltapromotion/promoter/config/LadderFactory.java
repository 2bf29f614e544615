package io.deltapromotion.promoter.config;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.promoter.config.LadderProperties.StageProperties;
import io.deltapromotion.promoter.domain.Ladder;
import io.deltapromotion.promoter.domain.Stage;
import io.deltapromotion.promoter.domain.Transition;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link Ladder} from its properties, refusing what the warehouse cannot do. */
final class LadderFactory {

  private LadderFactory() {}

  /** @throws IllegalStateException naming the offending stage and property */
  static Ladder build(LadderProperties properties, WarehouseDialect dialect) {
    List<Stage> stages = new ArrayList<>();
    List<StageProperties> configured = properties.stages();
    for (int index = 0; index < configured.size(); index++) {
      StageProperties stage = configured.get(index);
      String where = "deltapromotion.promoter.stages[" + index + "] (" + stage.name() + ")";
      if (index > 0 && stage.cloneType() == CloneType.DEEP && !dialect.supportsDeepClone()) {
        throw new IllegalStateException(where + ".clone-type: deep clones are Databricks-only; open-source Delta Lake "
            + "(this warehouse) has only SHALLOW CLONE: set clone-type: shallow");
      }
      List<SchemaName> schemas = new ArrayList<>();
      for (String schema : stage.schemas()) {
        try {
          schemas.add(SchemaName.parse(schema));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(where + ".schemas: " + e.getMessage(), e);
        }
      }
      boolean last = index == configured.size() - 1;
      boolean approvalRequired = stage.approvalRequired() == null ? last : stage.approvalRequired();
      if (index > 0 && stage.fourEyes() && !approvalRequired) {
        throw new IllegalStateException(where + ".four-eyes: four eyes need an approval; set approval-required: true");
      }
      Transition entry = index == 0 ? null : new Transition(stage.qcRequired(), approvalRequired, stage.minSoak(),
          stage.cloneType(), stage.fourEyes());
      stages.add(new Stage(stage.name(), schemas, entry));
    }
    try {
      return new Ladder(stages);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("deltapromotion.promoter.stages: " + e.getMessage(), e);
    }
  }
}
