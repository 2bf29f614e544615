package io.deltapromotion.runtimeimage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * HTTPS downloads, and a cache of files known by their SHA-256: a package already fetched by an
 * earlier build is taken from the cache once its digest checks out.
 */
final class Downloads {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Path cache;

    Downloads(Path cache) {
        this.cache = cache;
    }

    byte[] fetch(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
    }

    /** The package's {@code .deb}, from the cache or fetched into it, its SHA-256 checked either way. */
    Path deb(DebianPackage debianPackage) throws IOException {
        Path cached = cache.resolve(debianPackage.sha256() + ".deb");
        if (Files.exists(cached)) {
            requireSha256(Files.readAllBytes(cached), debianPackage.sha256(), debianPackage.toString());
            return cached;
        }
        byte[] bytes = fetch(debianPackage.location());
        requireSha256(bytes, debianPackage.sha256(), debianPackage.toString());
        Files.createDirectories(cache);
        Path partial = Files.createTempFile(cache, debianPackage.name(), ".part");
        Files.write(partial, bytes);
        Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return cached;
    }

    static void requireSha256(byte[] bytes, String expected, String what) throws IOException {
        String actual = sha256(bytes);
        if (!actual.equals(expected)) {
            throw new IOException(what + " has SHA-256 " + actual + ", the index says " + expected);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
