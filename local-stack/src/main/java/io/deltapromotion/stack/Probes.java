package io.deltapromotion.stack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Checks that a server answers its own protocol, not merely that a port is open. */
final class Probes {

  private static final int TIMEOUT_MILLIS = 2_000;
  private static final short API_VERSIONS = 18;

  private Probes() {}

  /** A Kafka broker answers an ApiVersions (v0) request without error. */
  static boolean kafkaAnswers(String host, int port) {
    try (Socket socket = connect(host, port)) {
      byte[] clientId = "local-stack-probe".getBytes(StandardCharsets.UTF_8);
      int correlationId = 0x5eed;
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeInt(2 + 2 + 4 + 2 + clientId.length);
      out.writeShort(API_VERSIONS);
      out.writeShort(0);
      out.writeInt(correlationId);
      out.writeShort(clientId.length);
      out.write(clientId);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int size = in.readInt();
      return size >= 6 && in.readInt() == correlationId && in.readShort() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** An HTTP server answers GET on the URL with 200. */
  static boolean httpAnswers(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  /** Something accepts TCP connections on the port. */
  static boolean accepts(String host, int port) {
    try (Socket ignored = connect(host, port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Nothing is bound to the port on the host, so a server could start there. */
  static boolean isFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Socket connect(String host, int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }
}
