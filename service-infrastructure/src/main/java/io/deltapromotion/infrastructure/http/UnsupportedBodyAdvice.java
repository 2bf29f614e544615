package io.deltapromotion.infrastructure.http;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A body of the wrong Content-Type is refused while Spring picks the endpoint, before any endpoint's
 * own handlers could answer: this says so in the services' error shape, {@code {"error": "<reason>"}}.
 */
@RestControllerAdvice
public class UnsupportedBodyAdvice {

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> notJson(HttpMediaTypeNotSupportedException e) {
    String sent = e.getContentType() == null ? "no Content-Type" : e.getContentType().toString();
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(Map.of("error", "send the body as application/json, not " + sent));
  }
}
