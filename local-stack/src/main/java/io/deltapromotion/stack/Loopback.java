package io.deltapromotion.stack;

import java.net.InetAddress;
import java.net.NetworkInterface;
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
          .filter(Loopback::isUp)
          .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
          .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
          .toList();
    } catch (SocketException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The addresses among {@link #otherAddresses()} where something accepts connections on the port. */
  public static List<InetAddress> otherAddressesAccepting(int port) {
    return otherAddresses().stream().filter(address -> Probes.accepts(address.getHostAddress(), port)).toList();
  }

  private static boolean isUp(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
