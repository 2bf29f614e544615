package io.deltapromotion.runtimeimage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A {@code .deb}: an ar archive whose {@code data.tar.*} member holds the files the package installs.
 * Maintainer scripts are not run: whatever they would have made, the image builder adds itself.
 */
final class DebArchive {

    interface EntryConsumer {
        void accept(TarArchiveEntry entry, InputStream content) throws IOException;
    }

    private DebArchive() {
    }

    static void forEachFile(Path deb, EntryConsumer consumer) throws IOException {
        try (ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
            ArArchiveEntry member;
            while ((member = ar.getNextEntry()) != null) {
                if (member.getName().startsWith("data.tar")) {
                    try (TarArchiveInputStream tar = new TarArchiveInputStream(decompress(member.getName(), ar))) {
                        TarArchiveEntry entry;
                        while ((entry = tar.getNextEntry()) != null) {
                            consumer.accept(entry, tar);
                        }
                    }
                    return;
                }
            }
        }
        throw new IOException(deb + " has no data.tar member");
    }

    private static InputStream decompress(String member, InputStream in) throws IOException {
        if (member.endsWith(".xz")) {
            return new XZInputStream(in);
        }
        if (member.endsWith(".gz")) {
            return new GzipCompressorInputStream(in);
        }
        if (member.equals("data.tar")) {
            return in;
        }
        throw new IOException("unsupported package member " + member);
    }
}
