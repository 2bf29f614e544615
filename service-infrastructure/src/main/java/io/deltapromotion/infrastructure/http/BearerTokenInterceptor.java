package io.deltapromotion.infrastructure.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} for one of the configured
 * tokens, compared in constant time, and tells the handler whose token it was ({@link #principal}).
 * Runs before the body is read, so an unauthenticated caller learns nothing about what a valid body
 * would be. With no token configured the endpoint is closed (403).
 */
public final class BearerTokenInterceptor implements HandlerInterceptor {

  private static final String PREFIX = "Bearer ";
  private static final String PRINCIPAL = BearerTokenInterceptor.class.getName() + ".principal";

  private final Map<String, byte[]> tokensByName;
  private final String tokensProperty;

  /**
   * @param tokensByName who holds each token: name to token
   * @param tokensProperty the property that configures the tokens, named when there is none
   */
  public BearerTokenInterceptor(Map<String, String> tokensByName, String tokensProperty) {
    this.tokensByName = tokensByName.entrySet().stream().collect(Collectors.toUnmodifiableMap(
        Map.Entry::getKey, entry -> entry.getValue().getBytes(StandardCharsets.UTF_8)));
    this.tokensProperty = tokensProperty;
  }

  /** The name of the token holder an authenticated request came from. */
  public static String principal(HttpServletRequest request) {
    return (String) request.getAttribute(PRINCIPAL);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
    if (tokensByName.isEmpty()) {
      return refuse(response, HttpStatus.FORBIDDEN, "this endpoint is disabled: no token is configured (" + tokensProperty + ")");
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith(PREFIX)) {
      response.setHeader("WWW-Authenticate", "Bearer");
      return refuse(response, HttpStatus.UNAUTHORIZED, "missing Authorization: Bearer <token>");
    }
    byte[] presented = header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8);
    String holder = null;
    for (Map.Entry<String, byte[]> token : tokensByName.entrySet()) {
      if (MessageDigest.isEqual(token.getValue(), presented)) {
        holder = token.getKey();
      }
    }
    if (holder == null) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return refuse(response, HttpStatus.UNAUTHORIZED, "the bearer token is not valid");
    }
    request.setAttribute(PRINCIPAL, holder);
    return true;
  }

  private static boolean refuse(HttpServletResponse response, HttpStatus status, String reason) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write("{\"error\":\"" + reason.replace("\"", "'") + "\"}");
    return false;
  }
}
