package io.deltapromotion.infrastructure.kafka;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/**
 * The broker refused offsets from a group member that no longer owns their partitions (it was thrown out
 * of its group, or the group is being rebalanced): whatever this instance was doing for them belongs to
 * their next owner now, and nothing of it was published. Not an outage and not bad input: the work is
 * dropped here and done by the owner, from the last committed offset.
 */
public class PartitionLostException extends RuntimeException {

  private final Set<String> partitions;

  public PartitionLostException(Collection<TopicPartition> partitions, Throwable cause) {
    super("partition(s) " + names(partitions) + " are no longer this instance's: " + cause.getMessage(), cause);
    this.partitions = names(partitions);
  }

  public PartitionLostException(String message) {
    super(message);
    this.partitions = Set.of();
  }

  /** The partitions, as topic-partition names. */
  public Set<String> partitions() {
    return partitions;
  }

  /** Whether the error says the group member lost its partitions. */
  static boolean isLoss(Throwable error) {
    return error instanceof CommitFailedException || error instanceof FencedInstanceIdException
        || error instanceof IllegalGenerationException || error instanceof UnknownMemberIdException
        || error instanceof RebalanceInProgressException;
  }

  private static Set<String> names(Collection<TopicPartition> partitions) {
    Set<String> names = new TreeSet<>();
    partitions.forEach(partition -> names.add(partition.toString()));
    return names;
  }
}
