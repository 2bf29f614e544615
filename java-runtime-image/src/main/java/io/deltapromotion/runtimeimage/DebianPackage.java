package io.deltapromotion.runtimeimage;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One binary package as a Debian repository's {@code Packages} index describes it: where its
 * {@code .deb} lies and the SHA-256 it must have.
 */
record DebianPackage(String name, String version, URI location, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    DebianPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("package " + name + " has no valid SHA256 in the index: " + sha256);
        }
    }

    @Override
    public String toString() {
        return name + " " + version;
    }
}
