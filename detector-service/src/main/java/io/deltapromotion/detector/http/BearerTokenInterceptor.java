package io.deltapromotion.detector.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} for one of the configured
 * tokens, compared in constant time. Runs before the body is read, so an unauthenticated caller learns
 * nothing about what a valid body would be. With no token configured the intake is closed (403).
 */
final class BearerTokenInterceptor implements HandlerInterceptor {

  private static final String PREFIX = "Bearer ";

  private final List<byte[]> tokens;

  BearerTokenInterceptor(List<String> tokens) {
    this.tokens = tokens.stream().map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
    if (tokens.isEmpty()) {
      return refuse(response, HttpStatus.FORBIDDEN,
          "the HTTP intake is disabled: no token is configured (deltapromotion.detector.intake.tokens)");
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith(PREFIX)) {
      response.setHeader("WWW-Authenticate", "Bearer");
      return refuse(response, HttpStatus.UNAUTHORIZED, "missing Authorization: Bearer <token>");
    }
    byte[] presented = header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8);
    boolean known = false;
    for (byte[] token : tokens) {
      known |= MessageDigest.isEqual(token, presented);
    }
    if (!known) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return refuse(response, HttpStatus.UNAUTHORIZED, "the bearer token is not valid");
    }
    return true;
  }

  private static boolean refuse(HttpServletResponse response, HttpStatus status, String reason) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write("{\"error\":\"" + reason.replace("\"", "'") + "\"}");
    return false;
  }
}
