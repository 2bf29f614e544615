package io.deltapromotion.runtimeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/** One layer, written reproducibly: parents first, each path once, root-owned unless said, one timestamp. */
class LayerWriterTest {

  @Test
  void givenPackageEntriesAndSystemFiles_whenWritten_thenTheLayerIsAReproducibleTarWithItsDiffId() throws IOException {
    byte[] first = layer();
    byte[] second = layer();

    assertThat(first).as("the same input makes the same bytes").isEqualTo(second);
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(first)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.add(entry);
      }
    }
    assertThat(entries).extracting(TarArchiveEntry::getName)
        .containsExactly("usr/", "usr/bin/", "usr/bin/tool", "home/", "home/app/", "usr/bin/java");
    assertThat(entries.get(2).getMode() & 07777).isEqualTo(0755);
    assertThat(entries.get(4).getLongUserId()).isEqualTo(65532);
    assertThat(entries.get(5).isSymbolicLink()).isTrue();
    assertThat(entries).allSatisfy(entry -> assertThat(entry.getModTime().getTime()).isEqualTo(1000));
  }

  private static byte[] layer() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerWriter writer = new LayerWriter(out);
    try (writer) {
      TarArchiveEntry tool = new TarArchiveEntry("./usr/bin/tool");
      byte[] content = "#!tool".getBytes(StandardCharsets.UTF_8);
      tool.setSize(content.length);
      tool.setMode(0755);
      writer.copy(tool, new ByteArrayInputStream(content));
      TarArchiveEntry again = new TarArchiveEntry("./usr/bin/tool");
      again.setSize(1);
      writer.copy(again, new ByteArrayInputStream(new byte[] {1}));
      writer.directory("home/app", 0700, 65532);
      writer.symbolicLink("usr/bin/java", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    }
    assertThat(writer.diffId()).startsWith("sha256:").hasSize(71);
    return out.toByteArray();
  }
}
