package io.deltapromotion.runtimeimage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a one-layer image in the format of {@code docker save}: {@code manifest.json}, the image
 * configuration and the layer. {@code docker load} reads it, and so does Jib as a {@code tar://} base.
 */
final class DockerArchive {

    private DockerArchive() {
    }

    static void write(Path output, String tag, Path layer, String diffId, ImageConfig config) throws IOException {
        byte[] configuration = config.toJson(diffId).getBytes(StandardCharsets.UTF_8);
        String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[" + Json.string(tag)
                + "],\"Layers\":[\"layer.tar.gz\"]}]";
        Path partial = output.resolveSibling(output.getFileName() + ".part");
        try (OutputStream file = Files.newOutputStream(partial);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            add(tar, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            add(tar, "config.json", configuration);
            TarArchiveEntry entry = new TarArchiveEntry("layer.tar.gz");
            entry.setSize(Files.size(layer));
            entry.setModTime(LayerWriter.MODIFIED.toEpochMilli());
            tar.putArchiveEntry(entry);
            Files.copy(layer, tar);
            tar.closeArchiveEntry();
        }
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setModTime(LayerWriter.MODIFIED.toEpochMilli());
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** What a container of the image starts with. */
    record ImageConfig(List<String> environment, String user, List<String> packages) {

        String toJson(String diffId) {
            String env = environment.stream().map(Json::string).collect(Collectors.joining(","));
            return "{\"architecture\":\"amd64\",\"os\":\"linux\","
                    + "\"created\":\"1970-01-01T00:00:01Z\","
                    + "\"config\":{\"Env\":[" + env + "],\"User\":" + Json.string(user) + "},"
                    + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + Json.string(diffId) + "]},"
                    + "\"history\":[{\"created\":\"1970-01-01T00:00:01Z\",\"created_by\":"
                    + Json.string("java-runtime-image: " + String.join(", ", packages)) + "}]}";
        }
    }

    /** JSON string literals; the only JSON this builder writes. */
    static final class Json {

        private Json() {
        }

        static String string(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
