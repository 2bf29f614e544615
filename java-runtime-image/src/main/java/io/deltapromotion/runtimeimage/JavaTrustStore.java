package io.deltapromotion.runtimeimage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Java trust store Debian's {@code ca-certificates-java} would have generated at install time:
 * the Mozilla CA certificates of {@code ca-certificates}, as a PKCS#12 key store with the JDK's
 * customary password {@code changeit}.
 */
final class JavaTrustStore {

    static final String PATH = "etc/ssl/certs/java/cacerts";
    private static final String CERTIFICATES = "usr/share/ca-certificates/mozilla/";

    private final Map<String, X509Certificate> certificates = new TreeMap<>();

    static boolean isCertificate(String name) {
        return name.replaceFirst("^\\./", "").startsWith(CERTIFICATES) && name.endsWith(".crt");
    }

    void add(String name, byte[] pem) throws IOException {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
            String alias = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.crt$", "").toLowerCase();
            certificates.put(alias, certificate);
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable CA certificate " + name, e);
        }
    }

    int size() {
        return certificates.size();
    }

    byte[] toPkcs12() throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
                store.setCertificateEntry(entry.getKey(), entry.getValue());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, "changeit".toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("could not write the trust store", e);
        }
    }
}
