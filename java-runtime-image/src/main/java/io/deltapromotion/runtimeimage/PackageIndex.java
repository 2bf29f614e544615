package io.deltapromotion.runtimeimage;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Parses a Debian {@code Packages} index: stanzas of {@code Field: value} lines, blank-line separated. */
final class PackageIndex {

    private PackageIndex() {
    }

    /** The packages of the index by name; {@code Filename} is resolved against the archive. */
    static Map<String, DebianPackage> parse(String index, URI archive) {
        Map<String, DebianPackage> packages = new HashMap<>();
        for (String stanza : index.split("\n\n")) {
            Map<String, String> fields = fields(stanza);
            String name = fields.get("Package");
            if (name == null) {
                continue;
            }
            String filename = fields.get("Filename");
            if (filename == null || filename.startsWith("/") || filename.contains("..")) {
                throw new IllegalArgumentException("package " + name + " has an unusable Filename: " + filename);
            }
            packages.put(name, new DebianPackage(name, fields.get("Version"), archive.resolve(filename),
                    fields.get("SHA256")));
        }
        return packages;
    }

    private static Map<String, String> fields(String stanza) {
        Map<String, String> fields = new HashMap<>();
        for (String line : stanza.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }
}
