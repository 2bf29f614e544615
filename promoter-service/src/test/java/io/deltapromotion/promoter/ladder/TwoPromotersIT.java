package io.deltapromotion.promoter.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.events.WaitKind;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.promoter.stack.PromoterOnTheStack;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two promoters of one consumer group on the real stack, the way the scale-out bug was seen: versions wait
 * for a soak time under the first one, a second one joins, the soak ends for all of them at about the same
 * moment. Judged from the PromotionDone topic and the warehouse's own history, not from the promoters.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE})
class TwoPromotersIT {

  private static final Duration SOAK = Duration.ofSeconds(75);

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String dev = "two_" + run + "_dev";
  private final String staging = "two_" + run + "_stg";
  private final String prod = "two_" + run + "_prod";
  private final StackSettings stack = LocalStackExtension.settings();
  private final JdbcUrlDataSource lakehouse = new JdbcUrlDataSource(stack.lakehouseJdbcUrl(), null, null);
  private final JdbcWarehouse warehouse = new JdbcWarehouse(lakehouse, WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2));
  private final List<PromoterOnTheStack> promoters = new ArrayList<>();

  @AfterEach
  void stopThePromoters() {
    promoters.forEach(PromoterOnTheStack::close);
  }

  @Test
  void givenVersionsSoakingUnderOnePromoter_whenASecondJoinsAndTheSoakEnds_thenEachVersionIsPromotedOnceByItsOwner()
      throws Exception {
    List<TableName> tables = onePerPartition();
    try (Connection connection = lakehouse.getConnection(); Statement statement = connection.createStatement()) {
      for (String schema : List.of(dev, staging, prod)) {
        statement.execute("CREATE SCHEMA " + schema);
      }
      for (TableName table : tables) {
        statement.execute("CREATE TABLE " + table + " USING delta AS SELECT id FROM range(0, 5)");
      }
    }
    PromoterOnTheStack first = start("first");
    for (TableName table : tables) {
      first.publish(first.report(table, 0L, staging(table), QcStatus.PASS, null));
    }
    for (TableName table : tables) {
      PromotionDone soaking = first.awaitOutcome(table, "prod", PromotionStatus.BLOCKED);
      assertThat(soaking.getWaitingFor().getKind()).isEqualTo(WaitKind.SOAK);
    }

    PromoterOnTheStack second = start("second");

    await().atMost(Duration.ofMinutes(3)).until(() -> tables.stream().allMatch(table ->
        first.outcomes().stream().anyMatch(done -> done.getSourceTable().equals(table.toString())
            && done.getTargetEnvironment().equals("prod") && done.getStatus() == PromotionStatus.PROMOTED)));
    assertThat(second.ownedPartitions()).as("the second promoter took some tables over").isNotEmpty();
    assertThat(first.ownedPartitions()).as("the first kept some").isNotEmpty().doesNotContainAnyElementsOf(second.ownedPartitions());
    Set<Integer> all = new HashSet<>(first.ownedPartitions());
    all.addAll(second.ownedPartitions());
    assertThat(all).hasSize(EventTopics.PARTITIONS);
    for (TableName table : tables) {
      List<PromotionDone> intoProd = first.outcomes().stream().filter(done -> done.getSourceTable().equals(table.toString())
          && done.getTargetEnvironment().equals("prod")).toList();
      assertThat(intoProd).extracting(PromotionDone::getStatus).as(table + ": said once that it waits, promoted once")
          .containsExactly(PromotionStatus.BLOCKED, PromotionStatus.PROMOTED);
      List<HistoryEntry> history = warehouse.history(TableName.parse(prod + "." + table.table()), 20);
      assertThat(history).extracting(HistoryEntry::operation).as(table + ": prod was written once").containsExactly("CLONE");
    }
  }

  /** A table in every partition, so whichever partitions the second promoter takes over, it has tables to decide. */
  private List<TableName> onePerPartition() {
    Map<Integer, TableName> tables = new TreeMap<>();
    IntStream.iterate(0, index -> index + 1).mapToObj(index -> TableName.parse(dev + ".t" + index))
        .takeWhile(table -> tables.size() < EventTopics.PARTITIONS)
        .forEach(table -> tables.putIfAbsent(partitionOf(table), table));
    return List.copyOf(tables.values());
  }

  private PromoterOnTheStack start(String instance) {
    Map<String, String> settings = new HashMap<>(PromoterOnTheStack.ladder("dev", dev, "staging", staging, "prod", prod));
    settings.putAll(Map.of(
        "deltapromotion.promoter.reevaluate-every", "1s",
        "deltapromotion.promoter.stages[2].min-soak", SOAK.toSeconds() + "s",
        "deltapromotion.promoter.stages[2].approval-required", "false",
        "deltapromotion.promoter.release-registry.enabled", "false",
        "deltapromotion.events.transactional-id", "promoter-two-it-" + run + "-" + instance));
    PromoterOnTheStack promoter = PromoterOnTheStack.start(stack, "promoter-two-it-" + run, settings);
    promoters.add(promoter);
    return promoter;
  }

  private TableName staging(TableName table) {
    return TableName.parse(staging + "." + table.table());
  }

  private static int partitionOf(TableName table) {
    return Utils.toPositive(Utils.murmur2(table.toString().getBytes(StandardCharsets.UTF_8))) % EventTopics.PARTITIONS;
  }
}
