package io.deltapromotion.infrastructure.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Which keys (tables) this instance owns: those whose partition of the service's co-partitioned input
 * topics its consumer group gave one of its consumers. Kafka's group protocol decides; this class only
 * remembers the answer and hands out {@link Claim}s, so everything done for a key (a decision on an
 * event, a scheduled re-evaluation, a repair) is done by its owner only, and is published only while it
 * still owns it: every transaction a claim takes part in commits the partition's consumer offsets as that
 * group member, and the broker refuses those from a member that lost the partition (KIP-447).
 *
 * <p>Needs the eager protocol with the range assignor ({@link #CONSUMER_SETTINGS}): every rebalance then
 * revokes everything and assigns the same partition numbers of every input topic to the same consumer,
 * with the new generation for all of them. Before a partition counts as owned, {@link CatchUp} lets the
 * service read its state for that partition to the end, so a new owner knows what the old one did.
 */
public final class PartitionOwnership {

  /** Consumer settings the owning listener container must use. */
  public static final Map<String, String> CONSUMER_SETTINGS = Map.of(
      "partition.assignment.strategy", "org.apache.kafka.clients.consumer.RangeAssignor");

  private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);

  /** Brings the service's state of the given partition numbers up to date before they count as owned. */
  @FunctionalInterface
  public interface CatchUp {
    void before(Set<Integer> partitions, Consumer<?, ?> consumer);
  }

  /** One owned partition number: as which group member, and the offsets committed so far per input topic. */
  private record Owner(ConsumerGroupMetadata group, Map<TopicPartition, Long> positions) {}

  private final List<String> inputTopics;
  private final CatchUp catchUp;
  private final Map<Integer, Owner> owners = new ConcurrentHashMap<>();
  private volatile int partitionCount;

  /**
   * @param inputTopics the co-partitioned topics the owning container consumes (same key, same partition count)
   * @param catchUp what must be read before a newly assigned partition is acted on
   */
  public PartitionOwnership(List<String> inputTopics, CatchUp catchUp) {
    this.inputTopics = List.copyOf(inputTopics);
    this.catchUp = catchUp;
  }

  /**
   * What the owning container must be told to call on every rebalance. Not a bean of its own: Spring Boot
   * would hand a rebalance-listener bean to every other container of the service too.
   */
  public ConsumerAwareRebalanceListener rebalanceListener() {
    return new ConsumerAwareRebalanceListener() {
      @Override
      public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned(consumer, partitions);
      }

      @Override
      public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions, "revoked");
      }

      @Override
      public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions, "lost");
      }
    };
  }

  private void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    partitionCount = coPartitionedCount(consumer);
    Set<Integer> numbers = partitions.stream().map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
    CatchUpRetry.untilDone(() -> catchUp.before(numbers, consumer),
        () -> "the state of partition(s) " + numbers + " of " + inputTopics);
    ConsumerGroupMetadata group = consumer.groupMetadata();
    for (int number : numbers) {
      Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
      partitions.stream().filter(partition -> partition.partition() == number)
          .forEach(partition -> positions.put(partition, consumer.position(partition)));
      owners.put(number, new Owner(group, positions));
    }
    log.info("Owning partition(s) {} of {} (generation {})", numbers, inputTopics, group.generationId());
  }

  private void release(Collection<TopicPartition> partitions, String how) {
    Set<Integer> numbers = partitions.stream().map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
    numbers.forEach(owners::remove);
    if (!numbers.isEmpty()) {
      log.info("Partition(s) {} of {} {}: their tables are someone else's now", numbers, inputTopics, how);
    }
  }

  /** The partition a key is written to (Kafka's default partitioner over the UTF-8 key). */
  public int partitionOf(String key) {
    int count = partitionCount;
    if (count == 0) {
      throw new PartitionLostException("no partition of " + inputTopics + " was assigned yet");
    }
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % count;
  }

  /** Whether this instance owns the key's partition now. */
  public boolean owns(String key) {
    return partitionCount > 0 && owners.containsKey(partitionOf(key));
  }

  /** The partition numbers owned now. */
  public Set<Integer> owned() {
    return new TreeSet<>(owners.keySet());
  }

  /**
   * The claim on the key's partition, committing its offsets where they stand.
   *
   * @throws PartitionLostException when this instance does not own it
   */
  public Claim claim(String key) {
    int partition = partitionOf(key);
    return new Claim(partition, owner(partition), null, -1);
  }

  /** The claim on the record's partition, committing the record as consumed. */
  public Claim claim(ConsumerRecord<?, ?> record) {
    Owner owner = owners.get(record.partition());
    if (owner == null) {
      // The consumer holds the partition (its record is here), so its state was not read: keep the record.
      throw new IllegalStateException("partition " + record.partition() + " of " + inputTopics + " was assigned to "
          + "this instance, but its state was not read yet");
    }
    return new Claim(record.partition(), owner, new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
  }

  private Owner owner(int partition) {
    Owner owner = owners.get(partition);
    if (owner == null) {
      throw new PartitionLostException("partition " + partition + " of " + inputTopics + " is not this instance's");
    }
    return owner;
  }

  /**
   * What this instance does for one partition, as the group member (and generation) that owned it when the
   * claim was taken: the offsets its transactions commit. Use it as the {@link EventPublisher.Fence} of every
   * publication for the partition's keys. A claim outlives no rebalance: once the partition was revoked, or
   * assigned again (to another consumer of this instance, or to the same one in a new generation), the
   * claim is lost, even before the broker says so (a thread resumed after a freeze cannot borrow the
   * partition's new owner's standing).
   */
  public final class Claim implements EventPublisher.Fence {

    private final int partition;
    private final Owner owner;
    private final TopicPartition consumed;
    private final long next;

    private Claim(int partition, Owner owner, TopicPartition consumed, long next) {
      this.partition = partition;
      this.owner = owner;
      this.consumed = consumed;
      this.next = next;
    }

    public int partition() {
      return partition;
    }

    /** @throws PartitionLostException when the partition's ownership changed since the claim was taken */
    private Owner current() {
      if (owners.get(partition) != owner) {
        throw new PartitionLostException("partition " + partition + " of " + inputTopics + " changed hands since "
            + "this claim was taken (generation " + owner.group().generationId() + ")");
      }
      return owner;
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> offsets() {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      current().positions().forEach((topicPartition, position) -> offsets.put(topicPartition,
          new OffsetAndMetadata(topicPartition.equals(consumed) ? Math.max(position, next) : position)));
      return offsets;
    }

    @Override
    public ConsumerGroupMetadata group() {
      return current().group();
    }

    @Override
    public void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
      offsets.forEach((topicPartition, offset) -> owner.positions().merge(topicPartition, offset.offset(), Math::max));
    }

    /** Whether the record this claim was taken for has not been committed as consumed yet. */
    public boolean consumedPending() {
      return consumed != null && owner.positions().getOrDefault(consumed, -1L) < next;
    }

    /**
     * Proves this instance still owns the partition by committing its offsets where they stand, in a
     * transaction of their own: the check made right before anything is written to the warehouse for one
     * of its keys. The consumed record is not counted as consumed by it: its outcome is not published yet.
     *
     * @throws PartitionLostException when it does not
     */
    public void confirm(EventPublisher publisher) {
      publisher.publishAll(List.of(), standing());
    }

    /** The claim on the same partition, as the same owner, with its offsets where they stand: what {@link #confirm} commits. */
    public Claim standing() {
      return new Claim(partition, owner, null, -1);
    }
  }

  private int coPartitionedCount(Consumer<?, ?> consumer) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String topic : inputTopics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      counts.put(topic, infos == null ? 0 : infos.size());
    }
    if (counts.values().stream().distinct().count() != 1 || counts.values().iterator().next() == 0) {
      throw new IllegalStateException("the topics " + inputTopics + " must have the same number of partitions, so each "
          + "table's events share one partition number, but they have " + counts + "; recreate them alike");
    }
    return counts.values().iterator().next();
  }
}
