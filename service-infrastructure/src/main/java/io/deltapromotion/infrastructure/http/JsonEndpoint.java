package io.deltapromotion.infrastructure.http;

import io.deltapromotion.infrastructure.failure.Failure;
import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.infrastructure.failure.OutageException;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Base of the services' JSON endpoints: every refusal is {@code {"error": "<reason>"}} with its status,
 * and a body that is not JSON of the expected shape says so (400; one too long, 413). A body that is not
 * JSON at all is refused before any endpoint is chosen ({@link UnsupportedBodyAdvice}, 415).
 */
public abstract class JsonEndpoint {

  private static final Logger log = LoggerFactory.getLogger(JsonEndpoint.class);

  private final String bodyName;

  /** @param bodyName what the body should be, for error messages, e.g. "pipeline commit" */
  protected JsonEndpoint(String bodyName) {
    this.bodyName = bodyName;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  protected ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimit.TooLargeException tooLarge) {
        return error(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
      }
    }
    String detail = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse(e.getMessage());
    return error(HttpStatus.BAD_REQUEST, "the body is not a valid " + bodyName + ": " + detail);
  }

  /** A request naming something malformed (a table name outside the grammar, a negative version). */
  @ExceptionHandler(IllegalArgumentException.class)
  protected ResponseEntity<Map<String, Object>> malformed(IllegalArgumentException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  protected ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, "the parameter " + e.getParameterName() + " is missing");
  }

  /**
   * Whether a {@code dry-run} flag asks for a dry run: present without a value ({@code ?dry-run}), empty
   * or {@code true} does; absent or {@code false} does not; anything else is a malformed request. A flag
   * present is never read as "run it for real".
   *
   * @throws IllegalArgumentException for any other value
   */
  protected static boolean dryRun(String flag) {
    if (flag == null || flag.equalsIgnoreCase("false")) {
      return false;
    }
    if (flag.isEmpty() || flag.equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException("dry-run is true, false or given without a value, not '" + flag + "'");
  }

  /**
   * A dependency of the service (the broker, the schema registry, the warehouse) is down: nothing was
   * accepted, and the request may be sent again.
   */
  @ExceptionHandler({OutageException.class, KafkaException.class})
  protected ResponseEntity<Map<String, Object>> unavailable(RuntimeException e) {
    log.warn("Could not accept a {} now: {}", bodyName, e.getMessage());
    Failure failure = Failures.classify(e);
    return error(HttpStatus.SERVICE_UNAVAILABLE, "cannot accept the " + bodyName + " right now because "
        + failure.dependency().description() + " is unavailable; nothing was accepted, retry later: " + failure.reason());
  }

  /** The answer to a refused request. */
  protected static ResponseEntity<Map<String, Object>> error(HttpStatus status, String reason) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", reason));
  }
}
