package io.deltapromotion.runtimeimage;

import java.io.IOException;

/** Reads the {@code SHA256:} section of a Debian {@code Release} file. */
final class ReleaseFile {

    private ReleaseFile() {
    }

    static String sha256Of(String release, String path) throws IOException {
        boolean inSha256 = false;
        for (String line : release.split("\n")) {
            if (!line.startsWith(" ")) {
                inSha256 = line.startsWith("SHA256:");
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            if (inSha256 && fields.length == 3 && fields[2].equals(path)) {
                return fields[0];
            }
        }
        throw new IOException("the Release file lists no SHA256 for " + path);
    }
}
