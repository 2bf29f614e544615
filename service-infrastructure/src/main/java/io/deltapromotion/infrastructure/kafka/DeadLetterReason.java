package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Turns the error that rejected a record into the sentence stored with it on the dead-letter topic. */
final class DeadLetterReason {

  private static final int MAX_LENGTH = 4000;

  private DeadLetterReason() {}

  /** The error that matters: the first one below Spring's listener wrappers. */
  static Throwable rootOf(Throwable error) {
    Throwable current = error;
    while (current instanceof ListenerExecutionFailedException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /**
   * The kind of bad input, a word a metric can be tagged with: {@code undecodable} (its bytes are not
   * an event of the topic's schema), {@code rejected} (an event the service refused as a whole, e.g. one
   * of a category it does not know) or {@code invalid} (a field that fails validation, e.g. a table name
   * outside the grammar).
   */
  static String kind(Throwable error) {
    for (Throwable cause = rootOf(error); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof DeserializationException || cause instanceof SerializationException) {
        return "undecodable";
      }
      if (cause instanceof RejectedEventException) {
        return "rejected";
      }
    }
    return "invalid";
  }

  /** The messages of the error and its causes, most specific last, de-duplicated, bounded in length. */
  static String describe(Throwable error) {
    Throwable root = rootOf(error);
    List<String> messages = new ArrayList<>();
    if (root instanceof DeserializationException) {
      messages.add("the " + (((DeserializationException) root).isKey() ? "key" : "value") + " could not be deserialized");
    }
    for (Throwable cause = root; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      if (messages.stream().noneMatch(seen -> seen.contains(message))) {
        messages.add(message);
      }
    }
    String reason = String.join(": ", messages.stream().filter(Objects::nonNull).toList());
    return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH) + "...";
  }
}
