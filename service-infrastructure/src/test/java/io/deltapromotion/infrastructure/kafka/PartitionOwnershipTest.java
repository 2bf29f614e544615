package io.deltapromotion.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping of who owns which tables, with Kafka's own stand-in consumer giving the assignments
 * (the fencing itself is the broker's, proven against a real one by the promoter's two-instance test).
 */
class PartitionOwnershipTest {

  private static final String REPORTS = "reports";
  private static final String COMMANDS = "commands";
  private static final int PARTITIONS = 6;

  private final List<Boolean> ownedWhileCatchingUp = new ArrayList<>();
  private final MockConsumer<String, String> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
  private PartitionOwnership ownership;

  PartitionOwnershipTest() {
    ownership = new PartitionOwnership(List.of(REPORTS, COMMANDS), (partitions, catchingUp) ->
        ownedWhileCatchingUp.add(!ownership.owned().isEmpty()));
    for (String topic : List.of(REPORTS, COMMANDS)) {
      consumer.updatePartitions(topic, IntStream.range(0, PARTITIONS)
          .mapToObj(partition -> new PartitionInfo(topic, partition, Node.noNode(), new Node[0], new Node[0])).toList());
    }
  }

  @Test
  void givenAnyTableName_whenMappedToAPartition_thenItIsThePartitionKafkasProducerWritesItsEventsTo() {
    List<TopicPartition> assigned = assign(0, 1, 2, 3, 4, 5);
    ownership.rebalanceListener().onPartitionsAssigned(consumer, assigned);

    for (String table : List.of("dap_silver_pp.orders", "demo_pp.customers", "a.b", "x_9.y_0", "q.\u00e9t\u00e9")) {
      assertThat(ownership.partitionOf(table)).as(table)
          .isEqualTo(BuiltInPartitioner.partitionForKey(table.getBytes(StandardCharsets.UTF_8), PARTITIONS));
    }
  }

  @Test
  void givenTwoPartitionNumbersAssigned_whenAsked_thenOnlyTheirTablesAreOwned_andOnlyOnceTheirStateWasRead() {
    List<TopicPartition> assigned = assign(1, 4);

    ownership.rebalanceListener().onPartitionsAssigned(consumer, assigned);

    assertThat(ownedWhileCatchingUp).containsExactly(false);
    assertThat(ownership.owned()).containsExactly(1, 4);
    String ownedTable = tableIn(4);
    String otherTable = tableIn(2);
    assertThat(ownership.owns(ownedTable)).isTrue();
    assertThat(ownership.owns(otherTable)).isFalse();
    assertThatThrownBy(() -> ownership.claim(otherTable)).isInstanceOf(PartitionLostException.class);
  }

  @Test
  void givenAClaimOnAConsumedRecord_whenItsOffsetsAreRead_thenTheRecordCountsAsConsumedAndTheOtherTopicStaysWhereItWas() {
    List<TopicPartition> assigned = assign(3);
    consumer.seek(new TopicPartition(COMMANDS, 3), 7);
    ownership.rebalanceListener().onPartitionsAssigned(consumer, assigned);

    PartitionOwnership.Claim claim = ownership.claim(new ConsumerRecord<>(REPORTS, 3, 41, "t", "v"));

    assertThat(claim.offsets()).containsExactlyInAnyOrderEntriesOf(Map.of(
        new TopicPartition(REPORTS, 3), new OffsetAndMetadata(42), new TopicPartition(COMMANDS, 3), new OffsetAndMetadata(7)));
    assertThat(claim.consumedPending()).isTrue();
    claim.committed(claim.offsets());
    assertThat(claim.consumedPending()).isFalse();
    assertThat(ownership.claim(tableIn(3)).offsets()).containsEntry(new TopicPartition(REPORTS, 3), new OffsetAndMetadata(42));
  }

  @Test
  void givenAClaimOnAConsumedRecord_whenOwnershipIsConfirmedBeforeAWrite_thenTheRecordIsNotCommittedAsConsumed() {
    List<TopicPartition> assigned = assign(2);
    ownership.rebalanceListener().onPartitionsAssigned(consumer, assigned);
    PartitionOwnership.Claim claim = ownership.claim(new ConsumerRecord<>(REPORTS, 2, 10, "t", "v"));

    PartitionOwnership.Claim confirmation = claim.standing();
    confirmation.committed(confirmation.offsets());

    assertThat(confirmation.offsets()).containsExactlyInAnyOrderEntriesOf(Map.of(
        new TopicPartition(REPORTS, 2), new OffsetAndMetadata(0), new TopicPartition(COMMANDS, 2), new OffsetAndMetadata(0)));
    assertThat(claim.consumedPending()).as("its outcome is not published yet").isTrue();
  }

  @Test
  void givenOwnedPartitions_whenRevoked_thenTheirTablesAreNoLongerOwnedAndTheirClaimsCannotBeCommitted() {
    List<TopicPartition> assigned = assign(0, 5);
    ownership.rebalanceListener().onPartitionsAssigned(consumer, assigned);
    PartitionOwnership.Claim before = ownership.claim(tableIn(5));

    ownership.rebalanceListener().onPartitionsRevokedBeforeCommit(consumer, assigned);

    assertThat(ownership.owns(tableIn(5))).isFalse();
    assertThatThrownBy(before::group).isInstanceOf(PartitionLostException.class);
    assertThatThrownBy(before::offsets).isInstanceOf(PartitionLostException.class);
    assertThatThrownBy(() -> ownership.claim(new ConsumerRecord<>(REPORTS, 5, 0, "t", "v")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not read yet");
  }

  @Test
  void givenAClaimTakenBeforeARebalance_whenThePartitionComesBackToThisInstance_thenTheOldClaimIsStillLost() {
    List<TopicPartition> assigned = assign(4);
    ownership.rebalanceListener().onPartitionsAssigned(consumer, assigned);
    PartitionOwnership.Claim frozen = ownership.claim(new ConsumerRecord<>(REPORTS, 4, 3, "t", "v"));

    ownership.rebalanceListener().onPartitionsLost(consumer, assigned);
    ownership.rebalanceListener().onPartitionsAssigned(consumer, assigned);

    assertThat(ownership.owns(tableIn(4))).isTrue();
    assertThatThrownBy(frozen::offsets).isInstanceOf(PartitionLostException.class);
    assertThatThrownBy(() -> frozen.standing().group()).isInstanceOf(PartitionLostException.class);
    assertThat(ownership.claim(tableIn(4)).offsets()).isNotEmpty();
  }

  private List<TopicPartition> assign(int... partitions) {
    List<TopicPartition> assigned = new ArrayList<>();
    Map<TopicPartition, Long> beginning = new HashMap<>();
    for (int partition : partitions) {
      for (String topic : List.of(REPORTS, COMMANDS)) {
        TopicPartition topicPartition = new TopicPartition(topic, partition);
        assigned.add(topicPartition);
        beginning.put(topicPartition, 0L);
      }
    }
    consumer.assign(assigned);
    consumer.updateBeginningOffsets(beginning);
    return assigned;
  }

  /** A table name whose partition is the given one. */
  private static String tableIn(int partition) {
    return IntStream.iterate(0, index -> index + 1).mapToObj(index -> "s.t" + index)
        .filter(table -> BuiltInPartitioner.partitionForKey(table.getBytes(StandardCharsets.UTF_8), PARTITIONS) == partition)
        .findFirst().orElseThrow();
  }
}
