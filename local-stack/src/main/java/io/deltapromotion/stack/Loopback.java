package io.deltapromotion.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

/** Checks, for tests, that a server listens on loopback only. */
public final class Loopback {

  private Loopback() {}

  /** This machine's addresses other than loopback (empty on a machine with no network). */
  public static List<InetAddress> otherAddresses() {
    try {
      return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
          .filter(nic -> isUp(nic))
          .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
          .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
          .toList();
    } catch (SocketException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The addresses among {@link #otherAddresses()} where something accepts connections on the port. */
  public static List<InetAddress> otherAddressesAccepting(int port) {
    return otherAddresses().stream().filter(address -> accepts(address, port)).toList();
  }

  private static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isUp(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
