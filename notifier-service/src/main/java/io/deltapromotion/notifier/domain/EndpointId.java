package io.deltapromotion.notifier.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable name for an endpoint: its kind, host, port and a hash of its URL, never the URL itself (a
 * webhook's carries its secret in the path), e.g. {@code webhook:hooks.slack.com:443:3f0c2a1e9d7b}.
 */
public final class EndpointId {

  private EndpointId() {
  }

  public static String of(String kind, URI url) {
    int port = url.getPort() >= 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    return kind + ":" + url.getHost() + ":" + port + ":" + sha256(url.toString()).substring(0, 12);
  }

  /** Scheme, host and port, for logs. */
  public static String redacted(URI url) {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/...";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
