package io.deltapromotion.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The base every service image is laid on (java-runtime-image, unpacked from Debian's packages without
 * their install scripts): its Java finds the trust store those scripts would have generated, with the
 * Mozilla CA certificates in it, so the services can reach TLS endpoints (Databricks, Slack, a managed
 * Kafka) with public certificates.
 */
class RuntimeImageIT {

  @Test
  void theBaseImagesJavaTrustsTheMozillaCertificateAuthorities() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot and namespaces need root (CI runs as root)");
    Path repository = Path.of(System.getProperty("local-stack.repository"));
    Path work = Files.createDirectories(repository.resolve("deployment/target/image-runs"));
    Path root = work.resolve("java-runtime-image");
    FileTrees.delete(root);
    FileTrees.delete(work.resolve("java-runtime-image-blobs"));
    ImageTarball image = ImageTarball.unpack(repository.resolve("java-runtime-image/target/java-runtime-image.tar"), root);
    Path log = work.resolve("java-runtime-image.log");
    Files.deleteIfExists(log);

    int status = ChrootContainer.exec(root, image, List.of("keytool", "-list", "-cacerts", "-storepass", "changeit"), log);

    String listing = Files.readString(log);
    assertThat(status).as(listing).isZero();
    Matcher entries = Pattern.compile("Your keystore contains (\\d+) entries").matcher(listing);
    assertThat(entries.find()).as(listing).isTrue();
    assertThat(Integer.parseInt(entries.group(1))).isGreaterThan(100);
    assertThat(listing).contains("isrg_root_x1");
  }
}
