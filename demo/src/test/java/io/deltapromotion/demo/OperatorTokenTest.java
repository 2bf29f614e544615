package io.deltapromotion.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorTokenTest {

  @Test
  void givenNoTokenYet_whenTheDemoRunsTwice_thenBothRunsGiveTheServicesTheOneTokenWrittenForItsOwnerOnly(@TempDir Path run)
      throws IOException {
    String first = OperatorToken.loadOrCreate(run);
    String second = OperatorToken.loadOrCreate(run);

    Path file = run.resolve(OperatorToken.FILE_NAME);
    assertThat(second).isEqualTo(first).hasSizeGreaterThanOrEqualTo(64);
    assertThat(Files.readString(file).strip()).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void givenAnEmptyTokenFile_whenLoaded_thenANewTokenReplacesIt(@TempDir Path run) throws IOException {
    Files.writeString(run.resolve(OperatorToken.FILE_NAME), "\n");

    String token = OperatorToken.loadOrCreate(run);

    assertThat(token).isNotBlank();
    assertThat(Files.readString(run.resolve(OperatorToken.FILE_NAME)).strip()).isEqualTo(token);
  }
}
