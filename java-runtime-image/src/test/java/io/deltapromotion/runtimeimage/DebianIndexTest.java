package io.deltapromotion.runtimeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The archive's indexes as the builder trusts them: Release lists the index's digest, the index each package's. */
class DebianIndexTest {

  private static final URI ARCHIVE = URI.create("https://deb.debian.org/debian/");
  private static final String SHA = "a".repeat(64);

  @Test
  void givenAReleaseFile_whenTheIndexIsLookedUp_thenItsSha256IsTakenFromTheSha256SectionOnly() throws IOException {
    String release = """
        Origin: Debian
        MD5Sum:
         0123456789abcdef0123456789abcdef 1000 main/binary-amd64/Packages.xz
        SHA256:
         %s 1000 main/binary-amd64/Packages.xz
         %s 2000 main/binary-arm64/Packages.xz
        """.formatted(SHA, "b".repeat(64));

    assertThat(ReleaseFile.sha256Of(release, "main/binary-amd64/Packages.xz")).isEqualTo(SHA);
    assertThatThrownBy(() -> ReleaseFile.sha256Of(release, "contrib/binary-amd64/Packages.xz"))
        .hasMessageContaining("no SHA256 for contrib/binary-amd64/Packages.xz");
  }

  @Test
  void givenAPackagesIndex_whenParsed_thenEachPackageHasItsVersionLocationAndDigest() {
    String index = """
        Package: zlib1g
        Version: 1:1.2.13.dfsg-1
        Filename: pool/main/z/zlib/zlib1g_1.2.13.dfsg-1_amd64.deb
        SHA256: %s
        Description: compression library - runtime
         a continuation line: not a field

        Package: libc6
        Version: 2.36-9+deb12u7
        Filename: pool/main/g/glibc/libc6_2.36-9+deb12u7_amd64.deb
        SHA256: %s
        """.formatted(SHA, "c".repeat(64));

    Map<String, DebianPackage> packages = PackageIndex.parse(index, ARCHIVE);

    assertThat(packages).containsOnlyKeys("zlib1g", "libc6");
    assertThat(packages.get("zlib1g").version()).isEqualTo("1:1.2.13.dfsg-1");
    assertThat(packages.get("zlib1g").location())
        .isEqualTo(URI.create("https://deb.debian.org/debian/pool/main/z/zlib/zlib1g_1.2.13.dfsg-1_amd64.deb"));
    assertThat(packages.get("libc6").sha256()).isEqualTo("c".repeat(64));
  }

  @Test
  void givenAnIndexEntryPointingOutsideTheArchiveOrWithoutADigest_whenParsed_thenItIsRefused() {
    assertThatThrownBy(() -> PackageIndex.parse("Package: evil\nVersion: 1\nFilename: ../../etc/passwd\nSHA256: " + SHA,
        ARCHIVE)).hasMessageContaining("unusable Filename");
    assertThatThrownBy(() -> PackageIndex.parse("Package: evil\nVersion: 1\nFilename: /etc/passwd\nSHA256: " + SHA,
        ARCHIVE)).hasMessageContaining("unusable Filename");
    assertThatThrownBy(() -> PackageIndex.parse("Package: bare\nVersion: 1\nFilename: pool/b.deb\n", ARCHIVE))
        .hasMessageContaining("no valid SHA256");
  }

  @Test
  void givenASuite_whenParsed_thenOnlyHttpsArchivesAreAccepted() {
    assertThat(AptSuite.parse("https://deb.debian.org/debian-security bookworm-security").archive())
        .hasToString("https://deb.debian.org/debian-security/");
    assertThatThrownBy(() -> AptSuite.parse("http://deb.debian.org/debian bookworm")).hasMessageContaining("https");
    assertThatThrownBy(() -> AptSuite.parse("https://deb.debian.org/debian")).hasMessageContaining("<archive-uri> <suite>");
  }

  @Test
  void givenBytes_whenTheirDigestDiffersFromTheIndex_thenTheyAreRefusedNamingBoth() {
    byte[] content = "a package".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Downloads.requireSha256(content, SHA, "zlib1g 1.2"))
        .hasMessageContaining("zlib1g 1.2 has SHA-256 " + Downloads.sha256(content)).hasMessageContaining(SHA);
  }
}
