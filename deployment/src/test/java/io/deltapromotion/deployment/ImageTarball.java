package io.deltapromotion.deployment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An image in the {@code docker save} format (what {@code jib:buildTar} writes): its configuration, and
 * its layers unpacked in order into a directory, as a container runtime lays out a container's root.
 */
record ImageTarball(List<String> entrypoint, List<String> command, List<String> environment, String user) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Unpacks the image's file system into {@code root} and returns its configuration. */
  static ImageTarball unpack(Path tarball, Path root) throws IOException {
    Map<String, Path> members = new HashMap<>();
    Path blobs = Files.createDirectories(root.resolveSibling(root.getFileName() + "-blobs"));
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isFile()) {
          Path blob = blobs.resolve(Integer.toString(members.size()));
          Files.copy(tar, blob);
          members.put(entry.getName(), blob);
        }
      }
    }
    JsonNode manifest = JSON.readTree(Files.readString(members.get("manifest.json"))).get(0);
    JsonNode config = JSON.readTree(Files.readString(members.get(field(manifest, "config").asString())));
    for (JsonNode layer : field(manifest, "layers")) {
      unpackLayer(members.get(layer.asString()), root);
    }
    JsonNode container = config.get("config");
    return new ImageTarball(strings(container.get("Entrypoint")), strings(container.get("Cmd")),
        strings(container.get("Env")),
        container.get("User").asString());
  }

  private static JsonNode field(JsonNode manifest, String name) {
    JsonNode lower = manifest.get(name);
    return lower != null ? lower : manifest.get(Character.toUpperCase(name.charAt(0)) + name.substring(1));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(value -> values.add(value.asString()));
    }
    return values;
  }

  private static void unpackLayer(Path layer, Path root) throws IOException {
    try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(layer)));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
          throw new IOException("layer entry outside the root: " + entry.getName());
        }
        Files.createDirectories(path.getParent());
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.deleteIfExists(path);
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
          continue;
        } else if (entry.isLink()) {
          Files.deleteIfExists(path);
          Files.createLink(path, root.resolve(entry.getLinkName()));
          continue;
        } else {
          Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId());
        Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId());
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << (bits.length - 1 - i))) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }
}
