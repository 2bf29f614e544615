package io.deltapromotion.schemas.topics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * Gives every {@link Principal} of the system its SCRAM credentials and exactly the ACLs of
 * {@link KafkaAcls#declared()} on a broker, acting as the broker's super user. The local stack runs it
 * after its broker starts; it is idempotent, and removes ACLs of our principals that are no longer
 * declared (ACLs of anyone else are left alone).
 *
 * <p>Usage: {@code KafkaAccessProvisioner passwords <credentials-dir>} before the broker starts: generates
 * the missing passwords of the super user ({@value #SUPER_USER}) and of every principal into
 * {@value #PASSWORDS} (id = password; the broker's configuration lists them for SASL/PLAIN, and the super
 * user's is its SCRAM credential from the moment the storage is formatted). Then
 * {@code KafkaAccessProvisioner apply <bootstrap-servers> <credentials-dir>} once it answers: the SCRAM
 * credentials and ACLs, and one Kafka client configuration per principal, {@code <id>.properties}. Every
 * file it writes is readable by its owner only.
 */
public final class KafkaAccessProvisioner {

  public static final String PASSWORDS = "passwords.properties";
  public static final String SUPER_USER = "admin";
  static final String MECHANISM = "SCRAM-SHA-512";
  private static final int SCRAM_ITERATIONS = 8192;
  private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(60);

  private KafkaAccessProvisioner() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("passwords")) {
      passwords(Path.of(args[1]));
    } else if (args.length == 3 && args[0].equals("apply")) {
      apply(args[1], Path.of(args[2]));
    } else {
      System.err.println("usage: KafkaAccessProvisioner passwords <credentials-dir>\n"
          + "       KafkaAccessProvisioner apply <bootstrap-servers> <credentials-dir>");
      System.exit(2);
    }
  }

  private static void apply(String bootstrapServers, Path dir) throws Exception {
    Map<String, String> passwords = passwords(dir);
    for (String id : passwords.keySet()) {
      writePrivately(dir.resolve(id + ".properties"), clientConfiguration(bootstrapServers, id, passwords.get(id)));
    }
    try (Admin admin = Admin.create(load(dir.resolve(SUPER_USER + ".properties")))) {
      upsertCredentials(admin, passwords);
      AclChanges changes = synchronizeAcls(admin);
      System.out.printf("kafka access: %d principals, %d ACLs (%d added, %d removed)%n", Principal.values().length,
          KafkaAcls.declared().size(), changes.added(), changes.removed());
    }
  }

  /** The passwords of the super user and of every principal, generating (and saving) the missing ones. */
  static Map<String, String> passwords(Path dir) throws IOException {
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path file = dir.resolve(PASSWORDS);
    Properties stored = Files.exists(file) ? load(file) : new Properties();
    Map<String, String> passwords = new TreeMap<>();
    stored.stringPropertyNames().forEach(id -> passwords.put(id, stored.getProperty(id)));
    boolean generated = false;
    for (String id : Stream.concat(Stream.of(SUPER_USER), Stream.of(Principal.values()).map(Principal::id)).toList()) {
      if (!passwords.containsKey(id)) {
        passwords.put(id, newPassword());
        generated = true;
      }
    }
    if (generated) {
      writePrivately(dir.resolve(PASSWORDS), passwords.entrySet().stream()
          .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n", "", "\n")));
    }
    return passwords;
  }

  /** A principal's client configuration, as Kafka's clients and tools read it (e.g. {@code --command-config}). */
  static String clientConfiguration(String bootstrapServers, String id, String password) {
    return String.join("\n",
        "# Kafka client settings of the principal " + id + " on the local stack, written by the stack.",
        "bootstrap.servers=" + bootstrapServers,
        "security.protocol=SASL_PLAINTEXT",
        "sasl.mechanism=" + MECHANISM,
        "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + id
            + "\" password=\"" + password + "\";",
        "");
  }

  private static void upsertCredentials(Admin admin, Map<String, String> passwords) throws Exception {
    List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    for (Principal principal : Principal.values()) {
      upserts.add(new UserScramCredentialUpsertion(principal.id(),
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), passwords.get(principal.id())));
    }
    admin.alterUserScramCredentials(upserts).all().get();
  }

  private record AclChanges(int added, int removed) {}

  private static AclChanges synchronizeAcls(Admin admin) throws Exception {
    Set<AclBinding> declared = KafkaAcls.declared();
    Set<AclBinding> existing = ours(admin);
    Set<AclBinding> missing = difference(declared, existing);
    Set<AclBinding> stale = difference(existing, declared);
    if (!missing.isEmpty()) {
      admin.createAcls(missing).all().get();
    }
    if (!stale.isEmpty()) {
      admin.deleteAcls(stale.stream().map(AclBinding::toFilter).toList()).all().get();
    }
    // The controller has committed them; wait until the broker that clients talk to enforces them.
    Instant deadline = Instant.now().plus(PROPAGATION_TIMEOUT);
    while (!ours(admin).equals(declared)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the broker does not show the declared ACLs after " + PROPAGATION_TIMEOUT);
      }
      Thread.sleep(100);
    }
    return new AclChanges(missing.size(), stale.size());
  }

  private static Set<AclBinding> ours(Admin admin) throws ExecutionException, InterruptedException {
    Set<String> principals = Stream.of(Principal.values()).map(KafkaAcls::kafkaPrincipal).collect(Collectors.toSet());
    return admin.describeAcls(AclBindingFilter.ANY).values().get().stream()
        .filter(acl -> principals.contains(acl.entry().principal()))
        .collect(Collectors.toSet());
  }

  private static Set<AclBinding> difference(Set<AclBinding> from, Set<AclBinding> minus) {
    Set<AclBinding> result = new HashSet<>(from);
    result.removeAll(minus);
    return result;
  }

  private static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  /** Writes the file readable and writable by its owner only, replacing it in one step. */
  private static void writePrivately(Path file, String content) {
    try {
      Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
