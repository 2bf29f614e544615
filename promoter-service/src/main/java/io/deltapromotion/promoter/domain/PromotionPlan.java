package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.List;

/**
 * What a promote command would do: every table version, checked against its gates, in clone order.
 *
 * @param releaseTag the release, or null for a single table
 */
public record PromotionPlan(String stage, String releaseTag, List<Step> steps) {

  public PromotionPlan {
    steps = List.copyOf(steps);
  }

  /**
   * One table version entering the stage.
   *
   * @param promotionId the promotion of the version's way up the ladder
   * @param heldNow the source version the stage's table holds now; null when none
   */
  public record Step(TableVersion item, TableName target, String promotionId,
      String releaseTag, Long heldNow) {

    /** Whether the stage already holds this version (nothing to clone). */
    public boolean alreadyThere() {
      return heldNow != null && heldNow == item.version();
    }
  }
}
