package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.failure.Failure;
import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.infrastructure.failure.OutageMonitor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;

/**
 * Tells the {@link OutageMonitor} about the listeners' events: a partition is held up while its event
 * fails for any reason but bad input, and goes on again when an event of it is handled.
 */
final class OutageRecorder implements RetryListener, RecordInterceptor<Object, Object> {

  private final OutageMonitor monitor;

  OutageRecorder(OutageMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public void failedDelivery(ConsumerRecord<?, ?> record, Exception error, int deliveryAttempt) {
    Failure failure = Failures.classify(error);
    if (!failure.isBadInput()) {
      monitor.failed(work(record), failure);
    }
  }

  @Override
  public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    return record;
  }

  @Override
  public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    monitor.succeeded(work(record));
  }

  private static String work(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition();
  }
}
