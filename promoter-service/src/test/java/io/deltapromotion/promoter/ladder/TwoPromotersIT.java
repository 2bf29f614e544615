package io.deltapromotion.promoter.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deltapromotion.events.OperatorCommand;
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
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two promoters of one consumer group on the real stack: the way the scale-out bug was seen (versions wait
 * for a soak time under the first one, a second one joins, the soak ends for all of them at about the same
 * moment), and a rebaseline whose tables the two share. Judged from the topics and the warehouse's own
 * history, not from the promoters' state.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE})
class TwoPromotersIT {

  private static final Duration SOAK = Duration.ofSeconds(75);
  private static final String OPERATOR_TOKEN = "bob-" + UUID.randomUUID() + "-" + UUID.randomUUID();

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

  @Test
  void givenTwoPromotersSharingTheTables_whenARebaselineOfATablePerPartitionIsOrdered_thenEachTableIsClonedOnceByItsOwner()
      throws Exception {
    List<TableName> targets = onePerPartition();
    String baseline = "two_" + run + "_base";
    try (Connection connection = lakehouse.getConnection(); Statement statement = connection.createStatement()) {
      for (String schema : List.of(baseline, dev, staging, prod)) {
        statement.execute("CREATE SCHEMA " + schema);
      }
      for (TableName target : targets) {
        statement.execute("CREATE TABLE " + baseline + "." + target.table() + " USING delta AS SELECT id FROM range(0, 5)");
      }
    }
    PromoterOnTheStack first = start("first");
    PromoterOnTheStack second = start("second");
    await().atMost(Duration.ofMinutes(1)).until(() -> !first.ownedPartitions().isEmpty() && !second.ownedPartitions().isEmpty()
        && first.ownedPartitions().size() + second.ownedPartitions().size() == EventTopics.PARTITIONS);

    HttpResponse<String> ordered = first.command("rebaseline", OPERATOR_TOKEN,
        "{\"from\": \"" + baseline + "\", \"tag\": \"BASELINE_202611\"}");

    assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(202);
    String command = ordered.body().replaceAll("(?s).*\"commandId\":\"([0-9a-f-]+)\".*", "$1");
    for (TableName target : targets) {
      PromotionDone cloned = first.awaitOutcome(done -> command.equals(String.valueOf(done.getEnvelope().getCausationId()))
          && done.getTargetTable().equals(target.toString()));
      assertThat(cloned.getStatus()).as(cloned.getError()).isEqualTo(PromotionStatus.PROMOTED);
      assertThat(first.outcomes()).filteredOn(done -> done.getTargetTable().equals(target.toString())
          && command.equals(String.valueOf(done.getEnvelope().getCausationId()))).as(target + ": one outcome").hasSize(1);
      assertThat(warehouse.history(target, 20)).extracting(HistoryEntry::operation).as(target + ": written once")
          .containsExactly("CLONE");
    }
    Map<Integer, String> partsByPartition = new TreeMap<>();
    for (ConsumerRecord<String, Object> part : commandsPartOf(command, targets.size())) {
      partsByPartition.put(part.partition(), part.key());
    }
    Map<Integer, String> targetsByPartition = new TreeMap<>();
    targets.forEach(target -> targetsByPartition.put(partitionOf(target), target.toString()));
    assertThat(partsByPartition).as("one part per table, keyed by the table it writes, so its owner carries it out")
        .isEqualTo(targetsByPartition);
    for (PromoterOnTheStack promoter : List.of(first, second)) {
      await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(promoter.read("rebaseline", OPERATOR_TOKEN))
          .as("every instance answers alike, from the log").contains("\"done\":" + targets.size())
          .contains("\"of\":" + targets.size()));
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

  /** The commands the rebaseline was split into, read from the topic's beginning. */
  private List<ConsumerRecord<String, Object>> commandsPartOf(String command, int expected) {
    Properties properties = new Properties();
    properties.putAll(stack.kafkaClient(Principal.OPERATOR_TOOLS.id()));
    properties.put("isolation.level", "read_committed");
    AvroRecordDeserializer values = new AvroRecordDeserializer();
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(), "specific.avro.reader", true), false);
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(EventTopics.OPERATOR_COMMANDS.name(), Duration.ofSeconds(30))
          .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, Object>> parts = new ArrayList<>();
      await().atMost(Duration.ofMinutes(1)).until(() -> {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() instanceof OperatorCommand part && command.equals(part.getPartOf())) {
            parts.add(record);
          }
        }
        return parts.size() >= expected;
      });
      return parts;
    }
  }

  private PromoterOnTheStack start(String instance) {
    Map<String, String> settings = new HashMap<>(PromoterOnTheStack.ladder("dev", dev, "staging", staging, "prod", prod));
    settings.putAll(Map.of(
        "deltapromotion.promoter.reevaluate-every", "1s",
        "deltapromotion.promoter.stages[2].min-soak", SOAK.toSeconds() + "s",
        "deltapromotion.promoter.stages[2].approval-required", "false",
        "deltapromotion.promoter.release-registry.enabled", "false",
        "deltapromotion.promoter.commands.operators[0].name", "bob",
        "deltapromotion.promoter.commands.operators[0].token", OPERATOR_TOKEN,
        "deltapromotion.events.transactional-id", "promoter-service-two-it-" + run + "-" + instance));
    PromoterOnTheStack promoter = PromoterOnTheStack.start(stack, "promoter-service-two-it-" + run, settings);
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
