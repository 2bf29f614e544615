package io.deltapromotion.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * The demo operator's token, kept in the stack's run directory so that every {@code bin/demo} gives the
 * services the token already in force (a running promoter keeps the one it started with) and
 * {@code bin/promotion} finds it without it being copied into an argument. Readable by its owner only.
 */
final class OperatorToken {

  static final String FILE_NAME = "operator-token";

  private OperatorToken() {}

  /** The token in {@code runDirectory/operator-token}, written there first if there is none. */
  static String loadOrCreate(Path runDirectory) {
    Path file = runDirectory.resolve(FILE_NAME);
    try {
      if (Files.isRegularFile(file)) {
        String token = Files.readString(file).strip();
        if (!token.isEmpty()) {
          return token;
        }
      }
      String token = UUID.randomUUID() + "-" + UUID.randomUUID();
      Files.createDirectories(runDirectory);
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, token + "\n");
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the operator token in " + file, e);
    }
  }
}
