package io.deltapromotion.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.infrastructure.failure.BrokerUnavailableException;
import io.deltapromotion.schemas.topics.EventTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The transaction cases a real broker cannot be made to produce on cue (a commit whose answer is lost,
 * a fatal error in the middle of a commit), with Kafka's own MockProducer: a publication either returns
 * with its events committed, or throws with none of them published, never both and never neither.
 * EventLogOutageIT covers the rest against the real broker.
 */
class EventPublisherTest {

  private final List<FlakyProducer> producers = new ArrayList<>();
  private boolean committedOnTheBroker;
  private final EventPublisher publisher = new EventPublisher(() -> {
    FlakyProducer producer = new FlakyProducer();
    producers.add(producer);
    return producer;
  }, written -> committedOnTheBroker, Duration.ofSeconds(5));

  @Test
  void givenACommitWhoseAnswerIsLost_whenPublished_thenTheCommitIsAskedAgainAndTheEventsAreCommittedOnce() {
    publisher.start();
    producers.get(0).commitTimeouts = 2;

    publisher.publishAll(List.of(outgoing("a"), outgoing("b")));

    assertThat(producers).hasSize(1);
    assertThat(producers.get(0).commitCount()).isEqualTo(1);
    assertThat(producers.get(0).history()).hasSize(2);
  }

  @Test
  void givenAFatalErrorWhileCommitting_whenTheBrokerHadCommitted_thenThePublicationReturnsAfterFencingIt() {
    publisher.start();
    producers.get(0).fatalOnCommit = true;
    committedOnTheBroker = true;

    publisher.publishAll(List.of(outgoing("a")));

    assertThat(producers).as("a new producer with the same transactional id settles the one in doubt").hasSize(2);
    assertThat(producers.get(1).transactionInitialized()).isTrue();
  }

  @Test
  void givenAFatalErrorWhileCommitting_whenTheBrokerHadAborted_thenThePublicationThrowsSoItIsDoneAgain() {
    publisher.start();
    producers.get(0).fatalOnCommit = true;
    committedOnTheBroker = false;

    assertThatThrownBy(() -> publisher.publishAll(List.of(outgoing("a"))))
        .isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("its transaction was aborted");
  }

  @Test
  void givenASendThatFails_whenPublished_thenTheTransactionIsAbortedAndNothingIsPublished() {
    publisher.start();
    producers.get(0).sendException = new TimeoutException("Expiring 1 record(s): 120000 ms has passed since batch creation");

    assertThatThrownBy(() -> publisher.publishAll(List.of(outgoing("a"), outgoing("b"))))
        .isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("none was published");
    assertThat(producers.get(0).transactionAborted()).isTrue();
    assertThat(producers.get(0).commitCount()).isZero();
  }

  @Test
  void givenTheFencesPartitionsChangingHandsBetweenItsTwoReads_whenPublished_thenItIsRefusedAndTheNextPublicationGoesThrough() {
    publisher.start();
    EventPublisher.Fence lostMidway = new EventPublisher.Fence() {
      @Override
      public Map<TopicPartition, OffsetAndMetadata> offsets() {
        return Map.of(new TopicPartition("in", 0), new OffsetAndMetadata(1));
      }

      @Override
      public ConsumerGroupMetadata group() {
        throw new PartitionLostException("partition 0 of [in] changed hands since this claim was taken");
      }

      @Override
      public void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {}
    };

    assertThatThrownBy(() -> publisher.publishAll(List.of(outgoing("a")), lostMidway))
        .isInstanceOf(PartitionLostException.class);
    publisher.publishAll(List.of(outgoing("b")));

    assertThat(producers).as("the same producer, not left in a transaction").hasSize(1);
    assertThat(producers.get(0).history()).hasSize(1);
    assertThat(producers.get(0).commitCount()).isEqualTo(1);
  }

  private static EventPublisher.Outgoing<PipelineCommitted> outgoing(String eventId) {
    return new EventPublisher.Outgoing<>(EventTopics.PIPELINE_COMMITTED, "pp.orders", PipelineCommitted.newBuilder()
        .setEventId(eventId).setTable("pp.orders").setVersion(1L).setPipeline("test").setRunId("1").build());
  }

  /** A MockProducer whose commit can time out a number of times, or fail fatally. */
  private static final class FlakyProducer extends MockProducer<String, SpecificRecord> {
    int commitTimeouts;
    boolean fatalOnCommit;

    FlakyProducer() {
      super(true, null, new StringSerializer(), (topic, event) -> event.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void commitTransaction() {
      if (commitTimeouts > 0) {
        commitTimeouts--;
        throw new TimeoutException("Timeout expired after 60000ms while awaiting EndTxn(COMMIT)");
      }
      if (fatalOnCommit) {
        throw new OutOfOrderSequenceException("the broker received an out of order sequence number");
      }
      super.commitTransaction();
    }
  }
}
