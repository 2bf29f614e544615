package io.deltapromotion.runtimeimage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the base image the services' images are laid on, without a Docker engine or a container
 * registry: a Java runtime and the few libraries it links, taken as {@code .deb} packages from a Debian
 * archive and unpacked into one layer, the way distroless images are made.
 *
 * <p>Arguments (each option may repeat where it makes sense):
 * <pre>
 *   --suite "&lt;https-archive&gt; &lt;suite&gt;"   later suites win (e.g. the security suite after the release)
 *   --package &lt;name&gt;                    exactly these packages; dependencies are not followed
 *   --link &lt;path&gt;=&lt;target&gt;              a symbolic link the packages' install scripts would have made
 *   --env &lt;NAME&gt;=&lt;value&gt;               the image's environment
 *   --user &lt;uid&gt;                         the user containers run as; gets a home and a passwd entry
 *   --tag &lt;name:tag&gt; --cache &lt;dir&gt; --output &lt;file.tar&gt;
 * </pre>
 * The output is rebuilt only when the arguments changed since it was written, so an offline build
 * reuses it; package files are cached by SHA-256 across builds.
 */
public final class RuntimeImageBuilder {

    private static final List<String> LEFT_OUT = List.of("usr/share/man/", "usr/share/lintian/",
            "usr/share/doc-base/", "usr/share/bug/", "usr/share/locale/");

    private final List<AptSuite> suites = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private final Map<String, String> links = new LinkedHashMap<>();
    private final List<String> environment = new ArrayList<>();
    private int user = 65532;
    private String tag;
    private Path cache;
    private Path output;

    public static void main(String[] args) throws IOException {
        RuntimeImageBuilder builder = parse(args);
        String inputs = String.join("\n", args);
        Path stamp = builder.output.resolveSibling(builder.output.getFileName() + ".inputs");
        if (Files.exists(builder.output) && Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            System.out.println("[java-runtime-image] up to date: " + builder.output);
            return;
        }
        builder.build();
        Files.writeString(stamp, inputs);
    }

    static RuntimeImageBuilder parse(String[] args) {
        RuntimeImageBuilder builder = new RuntimeImageBuilder();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--suite" -> builder.suites.add(AptSuite.parse(value));
                case "--package" -> builder.packages.add(value);
                case "--link" -> builder.links.put(before(value, '='), after(value, '='));
                case "--env" -> builder.environment.add(value);
                case "--user" -> builder.user = Integer.parseInt(value);
                case "--tag" -> builder.tag = value;
                case "--cache" -> builder.cache = Path.of(value);
                case "--output" -> builder.output = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (builder.suites.isEmpty() || builder.packages.isEmpty() || builder.tag == null
                || builder.cache == null || builder.output == null) {
            throw new IllegalArgumentException("--suite, --package, --tag, --cache and --output are required");
        }
        return builder;
    }

    void build() throws IOException {
        Downloads downloads = new Downloads(cache);
        Map<String, DebianPackage> available = new LinkedHashMap<>();
        for (AptSuite suite : suites) {
            available.putAll(suite.packages(downloads));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Path layer = output.resolveSibling(output.getFileName() + ".layer.tar.gz");
        JavaTrustStore trustStore = new JavaTrustStore();
        List<String> chosen = new ArrayList<>();
        LayerWriter layerWriter = new LayerWriter(Files.newOutputStream(layer));
        try (layerWriter) {
            for (String name : packages) {
                DebianPackage debianPackage = available.get(name);
                if (debianPackage == null) {
                    throw new IOException("no package " + name + " in " + suites);
                }
                System.out.println("[java-runtime-image] " + debianPackage);
                chosen.add(debianPackage.toString());
                DebArchive.forEachFile(downloads.deb(debianPackage), (entry, content) -> {
                    if (leftOut(entry.getName())) {
                        return;
                    }
                    if (entry.isFile() && JavaTrustStore.isCertificate(entry.getName())) {
                        byte[] pem = content.readAllBytes();
                        trustStore.add(entry.getName(), pem);
                        content = new ByteArrayInputStream(pem);
                    }
                    layerWriter.copy(entry, content);
                });
            }
            addSystemFiles(layerWriter, trustStore);
        }
        DockerArchive.write(output, tag, layer, layerWriter.diffId(),
                new DockerArchive.ImageConfig(environment, Integer.toString(user), chosen));
        Files.delete(layer);
        System.out.println("[java-runtime-image] " + output + " (" + Files.size(output) / (1024 * 1024) + " MiB, "
                + trustStore.size() + " CA certificates)");
    }

    private void addSystemFiles(LayerWriter layer, JavaTrustStore trustStore) throws IOException {
        layer.directory("tmp", 01777, 0);
        layer.directory("root", 0700, 0);
        layer.directory("home/app", 0700, user);
        layer.file("etc/passwd", ("root:x:0:0:root:/root:/sbin/nologin\n"
                + "app:x:" + user + ":" + user + ":app:/home/app:/sbin/nologin\n").getBytes(StandardCharsets.UTF_8), 0644);
        layer.file("etc/group", ("root:x:0:\napp:x:" + user + ":\n").getBytes(StandardCharsets.UTF_8), 0644);
        if (trustStore.size() > 0) {
            layer.file(JavaTrustStore.PATH, trustStore.toPkcs12(), 0644);
        }
        for (Map.Entry<String, String> link : links.entrySet()) {
            if (!layer.contains(link.getKey())) {
                layer.symbolicLink(link.getKey(), link.getValue());
            }
        }
    }

    private static boolean leftOut(String name) {
        String relative = name.replaceFirst("^\\./", "");
        if (relative.startsWith("usr/share/doc/")) {
            return !relative.endsWith("/copyright") && !relative.equals("usr/share/doc/");
        }
        return LEFT_OUT.stream().anyMatch(relative::startsWith);
    }

    private static String before(String value, char separator) {
        int at = value.indexOf(separator);
        if (at <= 0) {
            throw new IllegalArgumentException("expected <name>" + separator + "<value>: " + value);
        }
        return value.substring(0, at);
    }

    private static String after(String value, char separator) {
        return value.substring(value.indexOf(separator) + 1);
    }
}
