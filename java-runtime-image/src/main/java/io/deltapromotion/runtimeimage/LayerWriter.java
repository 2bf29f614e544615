package io.deltapromotion.runtimeimage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes one gzip-compressed image layer, reproducibly: every entry owned by root unless said
 * otherwise, one fixed modification time, each path written once (the first package to ship it wins,
 * which for directories is all that happens). Tracks the layer's diff id, the SHA-256 of the
 * uncompressed tar, which the image configuration lists.
 */
final class LayerWriter implements AutoCloseable {

    static final Instant MODIFIED = Instant.ofEpochSecond(1);

    private final MessageDigest uncompressed = Downloads.sha256Digest();
    private final TarArchiveOutputStream tar;
    private final Set<String> written = new HashSet<>();
  private String diffId;

    LayerWriter(OutputStream out) throws IOException {
        tar = new TarArchiveOutputStream(new DigestOutputStream(new GzipCompressorOutputStream(out), uncompressed));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** Copies an entry of a package, its name made relative ({@code ./usr/lib} becomes {@code usr/lib}). */
    void copy(TarArchiveEntry source, InputStream content) throws IOException {
        String name = relative(source.getName());
        if (name.isEmpty()) {
            return;
        }
        TarArchiveEntry entry;
        if (source.isSymbolicLink()) {
            entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(source.getLinkName());
        } else if (source.isLink()) {
            entry = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
            entry.setLinkName(relative(source.getLinkName()));
        } else if (source.isDirectory()) {
            entry = new TarArchiveEntry(name + "/");
        } else if (source.isFile()) {
            entry = new TarArchiveEntry(name);
            entry.setSize(source.getSize());
        } else {
            throw new IOException("unexpected entry type in a package: " + source.getName());
        }
        entry.setMode(source.getMode());
        write(entry, source.isFile() ? content : null, 0);
    }

    void directory(String name, int mode, int owner) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(relative(name) + "/");
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
        write(entry, null, owner);
    }

    void file(String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(relative(name));
        entry.setSize(content.length);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
        write(entry, new ByteArrayInputStream(content), 0);
    }

    void symbolicLink(String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(relative(name), TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        entry.setMode(0120777);
        write(entry, null, 0);
    }

    boolean contains(String name) {
        return written.contains(relative(name));
    }

    /** The SHA-256 of the uncompressed layer, {@code sha256:<hex>}; call after {@link #close()}. */
    String diffId() {
        return "sha256:" + HexFormat.of().formatHex(uncompressed.digest());
    }

    private void write(TarArchiveEntry entry, InputStream content, int owner) throws IOException {
        String key = entry.getName().endsWith("/") ? entry.getName().substring(0, entry.getName().length() - 1)
                : entry.getName();
        if (!written.add(key)) {
            return;
        }
        ensureParents(key);
        entry.setUserId(owner);
        entry.setGroupId(owner);
        entry.setUserName(owner == 0 ? "root" : "");
        entry.setGroupName(owner == 0 ? "root" : "");
        entry.setModTime(MODIFIED.toEpochMilli());
        tar.putArchiveEntry(entry);
        if (content != null) {
            content.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private void ensureParents(String name) throws IOException {
        int slash = name.lastIndexOf('/');
        if (slash > 0 && !written.contains(name.substring(0, slash))) {
            directory(name.substring(0, slash), 0755, 0);
        }
    }

    private static String relative(String name) {
        String relative = name;
        while (relative.startsWith("./") || relative.startsWith("/")) {
            relative = relative.substring(relative.indexOf('/') + 1);
        }
        return relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
