package io.deltapromotion.infrastructure.http;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Base of the services' JSON endpoints: every refusal is {@code {"error": "<reason>"}} with its status,
 * and a body that is not JSON of the expected shape (400) or not JSON at all (415) says so.
 */
public abstract class JsonEndpoint {

  private final String bodyName;

  /** @param bodyName what the body should be, for error messages, e.g. "pipeline commit" */
  protected JsonEndpoint(String bodyName) {
    this.bodyName = bodyName;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  protected ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    String detail = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse(e.getMessage());
    return error(HttpStatus.BAD_REQUEST, "the body is not a valid " + bodyName + ": " + detail);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  protected ResponseEntity<Map<String, Object>> notJson(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the " + bodyName + " as application/json");
  }

  /** The answer to a refused request. */
  protected static ResponseEntity<Map<String, Object>> error(HttpStatus status, String reason) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", reason));
  }
}
