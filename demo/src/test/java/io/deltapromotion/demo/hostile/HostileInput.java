package io.deltapromotion.demo.hostile;

import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.stack.Component;
import java.util.Map;

/**
 * One case of the hostile-input corpus: what is sent, through which door, and how the system must handle
 * it. Every case's handling is one of the three a bad input may get: a 4xx with its reason, a dead letter
 * with its reason, or a policy refused at start-up naming its line and field; or, for the inputs that are
 * valid but carry something hostile, what becomes of it (the SQL an expression becomes, the alert a reason
 * ends up in).
 *
 * @param id a short stable name, used in the record key of Kafka cases
 * @param covers what it probes, as the test's display name
 */
public record HostileInput(String id, String covers, Input input, Handling expected) {

  /** What is sent. */
  public sealed interface Input {}

  /**
   * An HTTP request to a running service.
   *
   * @param token the bearer token, or null for none
   * @param contentType the Content-Type, or null for none
   * @param chunked whether the body is sent without a Content-Length
   */
  public record Http(Component service, String method, String path, String token, String contentType, String body,
      boolean chunked) implements Input {}

  /**
   * A record produced straight to a topic, past every service's checks.
   *
   * @param value the record's bytes, or null for a tombstone
   */
  public record Kafka(String topic, byte[] value, Map<String, byte[]> headers) implements Input {}

  /** A table policy file, as a service reads it at start-up. */
  public record Policy(String yaml) implements Input {}

  /** How the system must handle it. */
  public sealed interface Handling {}

  /** Answered with this status, its body saying this reason. */
  public record Answered(int status, String reason) implements Handling {}

  /**
   * Refused before any endpoint acts, with this status: 404 for a path no endpoint serves, 400 for one the
   * web server will not decode, 401 for one that still reaches a guarded endpoint. Never accepted.
   */
  public record NotServed(int status) implements Handling {}

  /** Put on this dead-letter topic, the reason header saying this; the service goes on. */
  public record DeadLettered(DeadLetterTopic topic, String reason) implements Handling {}

  /**
   * Accepted with this status, and the alert it leads to reaches people with {@code shown} in it as text
   * and {@code never} nowhere in it (Slack's control sequences escaped).
   */
  public record AlertedAsText(int status, String shown, String never) implements Handling {}

  /** Refused when the policy is read, naming this line and field and saying this reason. */
  public record PolicyRefused(int line, String field, String reason) implements Handling {}

  /** Accepted, and the check's SQL for the warehouse has no {@code $} left for Spark to substitute. */
  public record PolicyAcceptedWithoutDollar() implements Handling {}
}
