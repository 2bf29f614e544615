package io.deltapromotion.promoter.domain;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The promotions that already have their PromotionDone: rebuilt at start-up from the PromotionDone
 * topic, then kept current. A report for a promotion in here is a redelivery (or a duplicate report)
 * and gets no second PromotionDone.
 */
public final class HandledPromotions {

  private final Set<String> promotionIds = ConcurrentHashMap.newKeySet();

  public void add(String promotionId) {
    promotionIds.add(promotionId);
  }

  public boolean contains(String promotionId) {
    return promotionIds.contains(promotionId);
  }

  public int size() {
    return promotionIds.size();
  }
}
