package io.deltapromotion.runtimeimage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.tukaani.xz.XZInputStream;

/**
 * One suite of a Debian archive, e.g. {@code https://deb.debian.org/debian-security bookworm-security}.
 *
 * <p>Its package index is trusted through the suite's {@code Release} file: the index's SHA-256 must
 * be the one {@code Release} lists. {@code Release} itself is fetched over HTTPS and its OpenPGP
 * signature is not checked (that needs the archive keyring, which a non-Debian build host lacks).
 */
record AptSuite(URI archive, String suite, String component, String architecture) {

    AptSuite {
        Objects.requireNonNull(archive, "archive");
        if (!"https".equals(archive.getScheme())) {
            throw new IllegalArgumentException("the archive must be fetched over https: " + archive);
        }
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(architecture, "architecture");
    }

    /** Parses {@code <https-archive-uri> <suite>}, component main, architecture amd64. */
    static AptSuite parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a suite is '<archive-uri> <suite>', not: " + text);
        }
        String archive = parts[0].endsWith("/") ? parts[0] : parts[0] + "/";
        return new AptSuite(URI.create(archive), parts[1], "main", "amd64");
    }

    Map<String, DebianPackage> packages(Downloads downloads) throws IOException {
        String indexPath = component + "/binary-" + architecture + "/Packages.xz";
        String release = new String(downloads.fetch(distribution("Release")), StandardCharsets.UTF_8);
        String expected = ReleaseFile.sha256Of(release, indexPath);
        byte[] index = downloads.fetch(distribution(indexPath));
        Downloads.requireSha256(index, expected, this + " " + indexPath);
        try (InputStream in = new XZInputStream(new ByteArrayInputStream(index))) {
            return PackageIndex.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), archive);
        }
    }

    private URI distribution(String path) {
        return archive.resolve("dists/" + suite + "/" + path);
    }

    @Override
    public String toString() {
        return archive + " " + suite;
    }
}
